// cockpit.MoleMix / cockpit.MoleMixInt8 — one ONNX Runtime kernel for a MoLE layer's expert path (router, softmax,
// lookup-table row read, widening, weighted sum and the residual sum), which stock operators need five nodes and one
// input per layer for. Built by build/MoleKernel.targets into libcockpit_mole.so; EncoderSession registers it and
// rewrites the shipped graph to use it (MoleMixFusion), and runs the stock graph when the library is missing.
//
// Inputs:  u      float [B, T, 1, d]   post-attention RMSNorm output (what the router sees)
//          router float [d, N]         router weights
//          ids    int64 [B, T]         token ids (outside [0, V) reads row 0, the padding row)
//          table  the whole memory-mapped lookup table; only the rows of ids are read
//                 MoleMix:     fp16  [V, L·N·d]          row = [L][N][d] fp16
//                 MoleMixInt8: uint8 [V, L·N·(4 + d)]    row = [L][N] × (fp32 scale, d int8), value = scale · int8
//          h      float [B, T, 1, d]   residual stream
//          ffn    float [B, T, 1, d]   shared FFN output
// Attribute: layer (int) — which N experts' section of a row this layer reads.
// Output:  float [B, T, 1, d] = h + ffn + Σ_j softmax(u·router)_j · table[id, layer, j, :]

#define ORT_API_MANUAL_INIT
#include <onnxruntime_cxx_api.h>
#undef ORT_API_MANUAL_INIT

#include <cmath>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <string>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace {

constexpr int kMaxExperts = 64;

struct Dims {
  int64_t tokens, dim, experts, rows;
  int64_t row_bytes;      // bytes of one token's row
  int64_t expert_bytes;   // bytes of one expert's output within it: 2·d (fp16) or 4 + d (int8)
  int64_t layer_offset;   // byte offset of this layer's N experts within a row
};

// IEEE binary16 → binary32 without F16C, in integer operations that vectorize on any SSE2 or NEON target. The
// compiler's own _Float16 conversion on x86 without F16C is a library call per value: the portable loop took 241 µs
// per 10-token layer call with it, 22 µs with this.
inline float HalfToFloat(uint16_t half) {
#if defined(__aarch64__)
  __fp16 value;
  std::memcpy(&value, &half, sizeof value);
  return static_cast<float>(value);
#else
  // Branch-free (masks, not conditions), so that the loops around it vectorize: rebias the exponent, then fix up
  // infinity/NaN and subnormals, which a float subtraction of 2^-14 renormalises.
  const uint32_t magnitude = static_cast<uint32_t>(half & 0x7fffu) << 13;
  const uint32_t exponent = magnitude & (0x7c00u << 13);
  const uint32_t special = 0u - static_cast<uint32_t>(exponent == (0x7c00u << 13));
  const uint32_t subnormal = 0u - static_cast<uint32_t>(exponent == 0);
  const uint32_t bits = magnitude + ((127u - 15u) << 23) + (special & ((128u - 16u) << 23)) + (subnormal & (1u << 23));
  const uint32_t correction_bits = subnormal & 0x38800000u;  // 2^-14
  float value, correction;
  std::memcpy(&value, &bits, sizeof value);
  std::memcpy(&correction, &correction_bits, sizeof correction);
  value -= correction;
  uint32_t signed_bits;
  std::memcpy(&signed_bits, &value, sizeof signed_bits);
  signed_bits |= static_cast<uint32_t>(half & 0x8000u) << 16;
  std::memcpy(&value, &signed_bits, sizeof value);
  return value;
#endif
}

inline float ReadScale(const uint8_t* expert) {
  float scale;
  std::memcpy(&scale, expert, sizeof scale);
  return scale;
}

// This layer's section of a token's row.
inline const uint8_t* Row(const Dims& s, const uint8_t* table, int64_t id) {
  return table + (id >= 0 && id < s.rows ? id : 0) * s.row_bytes + s.layer_offset;
}

inline void Softmax(const Dims& s, float* gate) {
  float max = gate[0];
  for (int64_t j = 1; j < s.experts; ++j) max = gate[j] > max ? gate[j] : max;
  float sum = 0.f;
  for (int64_t j = 0; j < s.experts; ++j) sum += gate[j] = std::exp(gate[j] - max);
  for (int64_t j = 0; j < s.experts; ++j) gate[j] /= sum;
}

// Gate of one token: softmax over the experts of u · router ([d] · [d, N]).
inline void Gate(const Dims& s, const float* u, const float* router, float* gate) {
  for (int64_t j = 0; j < s.experts; ++j) gate[j] = 0.f;
  for (int64_t k = 0; k < s.dim; ++k) {
    const float x = u[k];
    const float* w = router + k * s.experts;
    for (int64_t j = 0; j < s.experts; ++j) gate[j] += x * w[j];
  }

  Softmax(s, gate);
}

template <bool kInt8>
void MixPortable(const Dims& s, const float* u, const float* router, const int64_t* ids, const uint8_t* table,
                 const float* h, const float* ffn, float* __restrict out) {
  float gate[kMaxExperts];
  for (int64_t t = 0; t < s.tokens; ++t) {
    const int64_t at = t * s.dim;
    Gate(s, u + at, router, gate);
    const uint8_t* expert = Row(s, table, ids[t]);
    float* __restrict o = out + at;
    for (int64_t k = 0; k < s.dim; ++k) o[k] = h[at + k] + ffn[at + k];
    for (int64_t j = 0; j < s.experts; ++j, expert += s.expert_bytes) {
      if constexpr (kInt8) {
        const float g = gate[j] * ReadScale(expert);
        const auto* e = reinterpret_cast<const int8_t*>(expert + sizeof(float));
        for (int64_t k = 0; k < s.dim; ++k) o[k] += g * static_cast<float>(e[k]);
      } else {
        const auto* e = reinterpret_cast<const uint16_t*>(expert);
        for (int64_t k = 0; k < s.dim; ++k) o[k] += gate[j] * HalfToFloat(e[k]);
      }
    }
  }
}

#if defined(__x86_64__)
// AVX2/FMA/F16C. Both loops keep eight independent accumulators, so a chain of FMAs never waits on its own latency:
// the router over eight strided parts of d per block of 8 experts, the mix over 64 values of d at a time. While one
// token mixes, the next token's section is prefetched: the rows come from a table far larger than the caches.
template <bool kInt8>
__attribute__((target("avx2,fma,f16c"))) void MixAvx2(const Dims& s, const float* u, const float* router,
                                                      const int64_t* ids, const uint8_t* table, const float* h,
                                                      const float* ffn, float* out) {
  constexpr int kChains = 8;
  if (s.experts % 8 != 0 || s.dim % (8 * kChains) != 0) return MixPortable<kInt8>(s, u, router, ids, table, h, ffn, out);
  alignas(32) float gate[kMaxExperts];
  const int64_t section_bytes = s.experts * s.expert_bytes;
  const int64_t blocks = s.dim / (8 * kChains);
  // Lines of the next token's section to prefetch per (block, expert) step, so that they are all asked for in one token.
  const int64_t lines_per_step = (section_bytes + 64 * blocks * s.experts - 1) / (64 * blocks * s.experts);
  const uint8_t* next = Row(s, table, ids[0]);
  for (int64_t b = 0; b < section_bytes; b += 64) _mm_prefetch(reinterpret_cast<const char*>(next + b), _MM_HINT_T0);
  for (int64_t t = 0; t < s.tokens; ++t) {
    const float* ut = u + t * s.dim;
    for (int64_t jb = 0; jb < s.experts; jb += 8) {
      __m256 acc[kChains];
      for (int c = 0; c < kChains; ++c) acc[c] = _mm256_setzero_ps();
      for (int64_t k = 0; k < s.dim; k += kChains)
        for (int c = 0; c < kChains; ++c)
          acc[c] = _mm256_fmadd_ps(_mm256_set1_ps(ut[k + c]), _mm256_loadu_ps(router + (k + c) * s.experts + jb), acc[c]);
      for (int c = 1; c < kChains; ++c) acc[0] = _mm256_add_ps(acc[0], acc[c]);
      _mm256_store_ps(gate + jb, acc[0]);
    }
    Softmax(s, gate);

    const uint8_t* row = Row(s, table, ids[t]);
    next = t + 1 < s.tokens ? Row(s, table, ids[t + 1]) : nullptr;
    int64_t prefetched = 0;
    const int64_t at = t * s.dim;
    for (int64_t k = 0; k < s.dim; k += 8 * kChains) {
      __m256 acc[kChains];
      for (int c = 0; c < kChains; ++c)
        acc[c] = _mm256_add_ps(_mm256_loadu_ps(h + at + k + 8 * c), _mm256_loadu_ps(ffn + at + k + 8 * c));
      const uint8_t* expert = row;
      for (int64_t j = 0; j < s.experts; ++j, expert += s.expert_bytes) {
        for (int64_t p = 0; next != nullptr && p < lines_per_step && prefetched < section_bytes; ++p, prefetched += 64)
          _mm_prefetch(reinterpret_cast<const char*>(next + prefetched), _MM_HINT_T0);
        if constexpr (kInt8) {
          const __m256 g = _mm256_set1_ps(gate[j] * ReadScale(expert));
          const uint8_t* e = expert + sizeof(float) + k;
          for (int c = 0; c < kChains; ++c) {
            const __m256i wide = _mm256_cvtepi8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(e + 8 * c)));
            acc[c] = _mm256_fmadd_ps(g, _mm256_cvtepi32_ps(wide), acc[c]);
          }
        } else {
          const __m256 g = _mm256_set1_ps(gate[j]);
          const auto* e = reinterpret_cast<const __m128i*>(expert + 2 * k);
          for (int c = 0; c < kChains; ++c) acc[c] = _mm256_fmadd_ps(g, _mm256_cvtph_ps(_mm_loadu_si128(e + c)), acc[c]);
        }
      }

      for (int c = 0; c < kChains; ++c) _mm256_storeu_ps(out + at + k + 8 * c, acc[c]);
    }
  }
}
#endif

using MixFunction = void (*)(const Dims&, const float*, const float*, const int64_t*, const uint8_t*, const float*,
                             const float*, float*);

// The session config entry "cockpit.mole_mix.portable" = "1" forces the portable loop (what a head unit without
// AVX2 runs), so tests cover it on any machine.
template <bool kInt8>
MixFunction SelectMix(bool portable) {
#if defined(__x86_64__)
  __builtin_cpu_init();
  if (!portable && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("f16c"))
    return MixAvx2<kInt8>;
#endif
  (void)portable;
  return MixPortable<kInt8>;
}

OrtStatusPtr Fail(const std::string& message) {
  return Ort::GetApi().CreateStatus(ORT_INVALID_ARGUMENT, ("cockpit.MoleMix: " + message).c_str());
}

// The router's and the table's shapes are fixed in the graph (an initializer and an input with fixed dimensions,
// which ONNX Runtime checks what is fed against), so they are read and checked once, when the kernel is created; a
// run only reads the token count.
struct MoleMixKernel {
  Dims fixed;
  MixFunction mix;

  OrtStatusPtr ComputeV2(OrtKernelContext* raw) const {
    try {
      Ort::KernelContext context(raw);
      auto u = context.GetInput(0);
      auto ids = context.GetInput(2);
      const auto u_info = u.GetTensorTypeAndShapeInfo();
      const auto shape = u_info.GetShape();
      Dims s = fixed;
      s.tokens = static_cast<int64_t>(ids.GetTensorTypeAndShapeInfo().GetElementCount());
      if (shape.empty() || shape.back() != s.dim || static_cast<int64_t>(u_info.GetElementCount()) != s.tokens * s.dim)
        return Fail("u must hold one d-vector per token id");

      auto out = context.GetOutput(0, shape);
      mix(s, u.GetTensorData<float>(), context.GetInput(1).GetTensorData<float>(), ids.GetTensorData<int64_t>(),
          static_cast<const uint8_t*>(context.GetInput(3).GetTensorRawData()), context.GetInput(4).GetTensorData<float>(),
          context.GetInput(5).GetTensorData<float>(), out.GetTensorMutableData<float>());
      return nullptr;
    } catch (const Ort::Exception& e) {
      return Ort::GetApi().CreateStatus(e.GetOrtErrorCode(), e.what());
    }
  }
};

template <bool kInt8>
struct MoleMixOp : Ort::CustomOpBase<MoleMixOp<kInt8>, MoleMixKernel, true> {
  OrtStatusPtr CreateKernelV2(const OrtApi&, const OrtKernelInfo* raw, void** kernel) const {
    try {
      Ort::ConstKernelInfo info(raw);
      const auto layer = info.GetAttribute<int64_t>("layer");
      const auto router = info.GetInputTypeInfo(1).GetTensorTypeAndShapeInfo().GetShape();
      const auto table = info.GetInputTypeInfo(3).GetTensorTypeAndShapeInfo().GetShape();
      if (router.size() != 2 || table.size() != 2 || router[0] < 1 || table[0] < 1 || table[1] < 1)
        return Fail("router must be [d, N] and table [V, row], with fixed dimensions");

      Dims s{};
      s.dim = router[0];
      s.experts = router[1];
      s.rows = table[0];
      s.row_bytes = kInt8 ? table[1] : table[1] * 2;
      s.expert_bytes = kInt8 ? static_cast<int64_t>(sizeof(float)) + s.dim : 2 * s.dim;
      s.layer_offset = layer * s.experts * s.expert_bytes;
      if (s.experts < 1 || s.experts > kMaxExperts) return Fail("at most 64 experts");
      if (layer < 0 || s.layer_offset + s.experts * s.expert_bytes > s.row_bytes) return Fail("layer outside the table's rows");
      const char* portable = info.GetConfigEntries().GetValue("cockpit.mole_mix.portable");
      *kernel = new MoleMixKernel{s, SelectMix<kInt8>(portable != nullptr && std::strcmp(portable, "1") == 0)};
      return nullptr;
    } catch (const Ort::Exception& e) {
      return Ort::GetApi().CreateStatus(e.GetOrtErrorCode(), e.what());
    }
  }

  const char* GetName() const { return kInt8 ? "MoleMixInt8" : "MoleMix"; }
  const char* GetExecutionProviderType() const { return "CPUExecutionProvider"; }
  size_t GetInputTypeCount() const { return 6; }
  ONNXTensorElementDataType GetInputType(size_t index) const {
    switch (index) {
      case 2: return ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64;
      case 3: return kInt8 ? ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT8 : ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT16;
      default: return ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT;
    }
  }
  size_t GetOutputTypeCount() const { return 1; }
  ONNXTensorElementDataType GetOutputType(size_t) const { return ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT; }
};

}  // namespace

extern "C" __attribute__((visibility("default"))) OrtStatus* ORT_API_CALL RegisterCustomOps(OrtSessionOptions* options,
                                                                                           const OrtApiBase* api_base) {
  static MoleMixOp<false> half_op;
  static MoleMixOp<true> int8_op;
  static OrtCustomOpDomain* domain = nullptr;
  static std::once_flag once;
  const OrtApi* api = api_base->GetApi(ORT_API_VERSION);
  if (api == nullptr) return api_base->GetApi(1)->CreateStatus(ORT_FAIL, "cockpit.MoleMix: ONNX Runtime too old");
  Ort::InitApi(api);
  OrtStatus* status = nullptr;
  std::call_once(once, [&] {
    if ((status = api->CreateCustomOpDomain("cockpit", &domain)) == nullptr &&
        (status = api->CustomOpDomain_Add(domain, &half_op)) == nullptr)
      status = api->CustomOpDomain_Add(domain, &int8_op);
  });
  if (status != nullptr) return status;
  return domain == nullptr ? api->CreateStatus(ORT_FAIL, "cockpit.MoleMix: domain not created") : api->AddCustomOpDomain(options, domain);
}

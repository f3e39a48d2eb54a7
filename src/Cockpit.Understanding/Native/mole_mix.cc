// cockpit.MoleMix — one ONNX Runtime kernel for a MoLE layer's expert path (router, softmax, lookup-table gather,
// fp16 widening, weighted sum and the residual sum), which stock operators need five nodes and one input per layer
// for. Built by build/MoleKernel.targets into libcockpit_mole.so; EncoderSession registers it and rewrites the
// shipped graph to use it (MoleMixFusion), and runs the stock graph when the library is missing.
//
// Inputs:  u      float [B, T, 1, d]   post-attention RMSNorm output (what the router sees)
//          router float [d, N]         router weights
//          ids    int64 [B, T]         token ids (outside [0, V) reads row 0, the padding row)
//          table  fp16  [V, R]         the whole memory-mapped lookup table, R = L·N·d; only touched rows are read
//          h      float [B, T, 1, d]   residual stream
//          ffn    float [B, T, 1, d]   shared FFN output
// Attribute: layer (int) — which N·d section of a row this layer reads.
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
  int64_t tokens, dim, experts, rows, row_values, layer_offset;
};

// Gate of one token: softmax over the experts of u · router ([d] · [d, N]).
inline void Gate(const Dims& s, const float* u, const float* router, float* gate) {
  for (int64_t j = 0; j < s.experts; ++j) gate[j] = 0.f;
  for (int64_t k = 0; k < s.dim; ++k) {
    const float x = u[k];
    const float* w = router + k * s.experts;
    for (int64_t j = 0; j < s.experts; ++j) gate[j] += x * w[j];
  }

  float max = gate[0];
  for (int64_t j = 1; j < s.experts; ++j) max = gate[j] > max ? gate[j] : max;
  float sum = 0.f;
  for (int64_t j = 0; j < s.experts; ++j) sum += gate[j] = std::exp(gate[j] - max);
  for (int64_t j = 0; j < s.experts; ++j) gate[j] /= sum;
}

// IEEE binary16 → binary32 without F16C: integer operations that vectorize on any SSE2 or NEON target (the
// compiler's own _Float16 conversion on x86 without F16C is a library call per value, about 70× slower here).
inline float HalfToFloat(uint16_t half) {
#if defined(__aarch64__)
  __fp16 value;
  std::memcpy(&value, &half, sizeof value);
  return static_cast<float>(value);
#else
  const uint32_t magnitude = static_cast<uint32_t>(half & 0x7fffu) << 13;
  const uint32_t exponent = magnitude & (0x7c00u << 13);
  uint32_t bits = magnitude + ((127u - 15u) << 23);
  float value;
  if (exponent == (0x7c00u << 13)) {
    bits += (128u - 16u) << 23;  // infinity or NaN
    std::memcpy(&value, &bits, sizeof value);
  } else if (exponent == 0) {
    bits += 1u << 23;  // subnormal: renormalise through a float subtraction
    std::memcpy(&value, &bits, sizeof value);
    value -= 6.103515625e-05f;  // 2^-14
  } else {
    std::memcpy(&value, &bits, sizeof value);
  }
  return (half & 0x8000u) != 0 ? -value : value;
#endif
}

inline const uint16_t* Row(const Dims& s, const uint16_t* table, int64_t id) {
  return table + (id >= 0 && id < s.rows ? id : 0) * s.row_values + s.layer_offset;
}

void MixBaseline(const Dims& s, const float* u, const float* router, const int64_t* ids, const uint16_t* table,
                 const float* h, const float* ffn, float* __restrict out) {
  float gate[kMaxExperts];
  for (int64_t t = 0; t < s.tokens; ++t) {
    const int64_t at = t * s.dim;
    Gate(s, u + at, router, gate);
    const uint16_t* row = Row(s, table, ids[t]);
    float* __restrict o = out + at;
    for (int64_t k = 0; k < s.dim; ++k) o[k] = h[at + k] + ffn[at + k];
    for (int64_t j = 0; j < s.experts; ++j, row += s.dim)
      for (int64_t k = 0; k < s.dim; ++k) o[k] += gate[j] * HalfToFloat(row[k]);
  }
}

#if defined(__x86_64__)
// AVX2/FMA/F16C. Both loops keep eight independent accumulators, so a chain of FMAs never waits on its own latency:
// the router over eight strided parts of d per block of 8 experts, the mix over 64 values of d at a time.
__attribute__((target("avx2,fma,f16c"))) void MixAvx2(const Dims& s, const float* u, const float* router,
                                                      const int64_t* ids, const uint16_t* table, const float* h,
                                                      const float* ffn, float* out) {
  constexpr int kChains = 8;
  if (s.experts % 8 != 0 || s.dim % (8 * kChains) != 0) return MixBaseline(s, u, router, ids, table, h, ffn, out);
  alignas(32) float gate[kMaxExperts];
  const int64_t stride = s.dim / 8;  // __m128i (8 halves) per expert
  const int64_t row_bytes = s.experts * s.dim * 2;
  auto* next = reinterpret_cast<const char*>(Row(s, table, ids[0]));
  for (int64_t b = 0; b < row_bytes; b += 64) _mm_prefetch(next + b, _MM_HINT_T0);
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

    float max = gate[0];
    for (int64_t j = 1; j < s.experts; ++j) max = gate[j] > max ? gate[j] : max;
    float sum = 0.f;
    for (int64_t j = 0; j < s.experts; ++j) sum += gate[j] = std::exp(gate[j] - max);
    for (int64_t j = 0; j < s.experts; ++j) gate[j] /= sum;

    const auto* row = reinterpret_cast<const __m128i*>(Row(s, table, ids[t]));
    // The rows come from a memory-mapped table much larger than the caches: while this token mixes, fetch the next
    // token's row in the order it will be read (two 64-byte lines per expert and block of d).
    next = t + 1 < s.tokens ? reinterpret_cast<const char*>(Row(s, table, ids[t + 1])) : nullptr;
    const int64_t at = t * s.dim;
    for (int64_t k = 0; k < s.dim; k += 8 * kChains) {
      __m256 acc[kChains];
      for (int c = 0; c < kChains; ++c)
        acc[c] = _mm256_add_ps(_mm256_loadu_ps(h + at + k + 8 * c), _mm256_loadu_ps(ffn + at + k + 8 * c));
      const __m128i* e = row + k / 8;
      for (int64_t j = 0; j < s.experts; ++j, e += stride) {
        if (next != nullptr) {
          const char* line = next + (j * s.dim + k) * 2;
          _mm_prefetch(line, _MM_HINT_T0);
          _mm_prefetch(line + 64, _MM_HINT_T0);
        }

        const __m256 g = _mm256_set1_ps(gate[j]);
        for (int c = 0; c < kChains; ++c) acc[c] = _mm256_fmadd_ps(g, _mm256_cvtph_ps(_mm_loadu_si128(e + c)), acc[c]);
      }

      for (int c = 0; c < kChains; ++c) _mm256_storeu_ps(out + at + k + 8 * c, acc[c]);
    }
  }
}
#endif

using MixFunction = void (*)(const Dims&, const float*, const float*, const int64_t*, const uint16_t*, const float*,
                             const float*, float*);

// The session config entry "cockpit.mole_mix.portable" = "1" forces the portable loop (what a head unit without
// AVX2 runs), so tests cover it on any machine.
MixFunction SelectMix(bool portable) {
  if (portable) return MixBaseline;
#if defined(__x86_64__)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("f16c")) return MixAvx2;
#endif
  return MixBaseline;
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
          static_cast<const uint16_t*>(context.GetInput(3).GetTensorRawData()), context.GetInput(4).GetTensorData<float>(),
          context.GetInput(5).GetTensorData<float>(), out.GetTensorMutableData<float>());
      return nullptr;
    } catch (const Ort::Exception& e) {
      return Ort::GetApi().CreateStatus(e.GetOrtErrorCode(), e.what());
    }
  }
};

struct MoleMixOp : Ort::CustomOpBase<MoleMixOp, MoleMixKernel, true> {
  OrtStatusPtr CreateKernelV2(const OrtApi&, const OrtKernelInfo* raw, void** kernel) const {
    try {
      Ort::ConstKernelInfo info(raw);
      const auto layer = info.GetAttribute<int64_t>("layer");
      const auto router = info.GetInputTypeInfo(1).GetTensorTypeAndShapeInfo().GetShape();
      const auto table = info.GetInputTypeInfo(3).GetTensorTypeAndShapeInfo().GetShape();
      if (router.size() != 2 || table.size() != 2 || router[0] < 1 || table[0] < 1 || table[1] < 1)
        return Fail("router must be [d, N] and table [V, L*N*d], with fixed dimensions");

      Dims s{};
      s.dim = router[0];
      s.experts = router[1];
      s.rows = table[0];
      s.row_values = table[1];
      s.layer_offset = layer * s.experts * s.dim;
      if (s.experts < 1 || s.experts > kMaxExperts) return Fail("at most 64 experts");
      if (layer < 0 || s.layer_offset + s.experts * s.dim > s.row_values) return Fail("layer outside the table's rows");
      const char* portable = info.GetConfigEntries().GetValue("cockpit.mole_mix.portable");
      *kernel = new MoleMixKernel{s, SelectMix(portable != nullptr && std::strcmp(portable, "1") == 0)};
      return nullptr;
    } catch (const Ort::Exception& e) {
      return Ort::GetApi().CreateStatus(e.GetOrtErrorCode(), e.what());
    }
  }

  const char* GetName() const { return "MoleMix"; }
  const char* GetExecutionProviderType() const { return "CPUExecutionProvider"; }
  size_t GetInputTypeCount() const { return 6; }
  ONNXTensorElementDataType GetInputType(size_t index) const {
    switch (index) {
      case 2: return ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64;
      case 3: return ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT16;
      default: return ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT;
    }
  }
  size_t GetOutputTypeCount() const { return 1; }
  ONNXTensorElementDataType GetOutputType(size_t) const { return ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT; }
};

}  // namespace

extern "C" __attribute__((visibility("default"))) OrtStatus* ORT_API_CALL RegisterCustomOps(OrtSessionOptions* options,
                                                                                           const OrtApiBase* api_base) {
  static MoleMixOp op;
  static OrtCustomOpDomain* domain = nullptr;
  static std::once_flag once;
  const OrtApi* api = api_base->GetApi(ORT_API_VERSION);
  if (api == nullptr) return api_base->GetApi(1)->CreateStatus(ORT_FAIL, "cockpit.MoleMix: ONNX Runtime too old");
  Ort::InitApi(api);
  OrtStatus* status = nullptr;
  std::call_once(once, [&] {
    if ((status = api->CreateCustomOpDomain("cockpit", &domain)) == nullptr) status = api->CustomOpDomain_Add(domain, &op);
  });
  if (status != nullptr) return status;
  return domain == nullptr ? api->CreateStatus(ORT_FAIL, "cockpit.MoleMix: domain not created") : api->AddCustomOpDomain(options, domain);
}

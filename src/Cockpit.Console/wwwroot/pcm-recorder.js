// An AudioWorklet processor: the microphone, mixed to mono by the node, at the audio context's rate → 16 kHz 16-bit
// PCM for the agent. Each output sample is the mean of the input samples its interval covers (a box filter, enough for
// speech at any common rate: 48 kHz → 3 samples, 44.1 kHz → 2.76). Chunks of 100 ms go to the page as ArrayBuffers;
// "flush" sends what is left and answers { flushed: true }.
class PcmRecorder extends AudioWorkletProcessor {
  constructor(options) {
    super();
    const target = (options.processorOptions && options.processorOptions.targetRate) || 16000;
    this.step = sampleRate / target; // input samples per output sample
    this.filled = 0;
    this.sum = 0;
    this.count = 0;
    this.chunk = new Int16Array(target / 10);
    this.length = 0;
    this.port.onmessage = message => {
      if (message.data === "flush") {
        this.send();
        this.port.postMessage({ flushed: true });
      }
    };
  }

  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (channel) {
      for (let i = 0; i < channel.length; i++) {
        this.sum += channel[i];
        this.count += 1;
        this.filled += 1;
        if (this.filled >= this.step) {
          this.filled -= this.step;
          this.push(this.sum / this.count);
          this.sum = 0;
          this.count = 0;
        }
      }
    }
    return true;
  }

  push(sample) {
    const clipped = Math.max(-1, Math.min(1, sample));
    this.chunk[this.length++] = clipped < 0 ? clipped * 0x8000 : clipped * 0x7fff;
    if (this.length === this.chunk.length) this.send();
  }

  send() {
    if (this.length === 0) return;
    const buffer = this.chunk.slice(0, this.length).buffer;
    this.port.postMessage(buffer, [buffer]);
    this.length = 0;
  }
}

registerProcessor("pcm-recorder", PcmRecorder);

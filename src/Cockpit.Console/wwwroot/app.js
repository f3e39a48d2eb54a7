// The Cockpit console: the HMI's screen, the conversation, the car and the accuracy report, live from
// /console/api/events (server-sent events), and a text box and a push-to-talk button that talk to the agent.
// Every word on the page comes from /console/i18n/<language>.json.
(() => {
  "use strict";

  const $ = id => document.getElementById(id);
  const SEATS = ["Row1.DriverSide", "Row1.PassengerSide", "Row2.DriverSide", "Row2.PassengerSide"];
  const ZONES = ["Row1.Driver", "Row1.Passenger", "Row2.Driver", "Row2.Passenger"];
  const VOICE_RATE = 16000;
  const conversationId = `console-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

  const state = {
    language: localStorage.getItem("cockpit-console-language")
      || document.querySelector('meta[name="cockpit-language"]').content || "zh",
    texts: {},
    car: {},
    screen: null,
    turns: new Map(),
    services: { vehicle: null, hmi: null, agent: null },
    report: null,
    reportError: null,
  };

  // ---- words -------------------------------------------------------------------------------------------------
  async function loadTexts(language) {
    if (!state.texts[language]) {
      const response = await fetch(`/console/i18n/${language}.json`);
      state.texts[language] = await response.json();
    }
  }

  function t(key, ...args) {
    const text = state.texts[state.language]?.[key] ?? key;
    return text.replace(/\{(\d+)\}/g, (_, index) => String(args[Number(index)] ?? ""));
  }

  function applyTexts() {
    document.documentElement.lang = state.language === "zh" ? "zh-CN" : "en";
    document.title = t("title");
    document.querySelectorAll("[data-text]").forEach(node => { node.textContent = t(node.dataset.text); });
    document.querySelectorAll("[data-placeholder]").forEach(node => { node.placeholder = t(node.dataset.placeholder); });
  }

  function renderAll() {
    applyTexts();
    renderServices();
    renderScreen();
    renderCar();
    renderTurns();
    renderReport();
  }

  function node(tag, className, text) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined && text !== null) element.textContent = text;
    return element;
  }

  // ---- services ----------------------------------------------------------------------------------------------
  function renderServices() {
    document.querySelectorAll("#services li").forEach(item => {
      const service = item.dataset.service;
      const status = state.services[service];
      item.className = status === null ? "waiting" : status.available ? "up" : "down";
      const name = t(`service.${service}`);
      item.title = status === null ? t("service.waiting", name)
        : status.available ? t("service.up", name) : t("service.down", name, status.message || "");
    });
  }

  // ---- the HMI's screen (cockpit.hmi.v1 WatchScreen) ------------------------------------------------------------
  const localized = text => (text ? (state.language === "en" ? text.en : text.zh) : "");

  function element(e) {
    const item = node("div", `el ${e.role}`);
    item.dataset.id = e.id;
    item.title = e.id;
    Object.assign(item.style, { left: `${e.bounds.x}px`, top: `${e.bounds.y}px`, width: `${e.bounds.width}px`, height: `${e.bounds.height}px` });
    if (!e.enabled) item.classList.add("disabled");
    if (e.unavailable) item.classList.add("unavailable");
    if (e.role === "button" && e.id.startsWith("home.app.")) item.classList.add("tile");
    const label = node("span", null, e.role === "text_field" && e.input ? e.input : localized(e.text));
    item.appendChild(label);
    if (e.role === "switch") item.appendChild(node("span", e.checked ? "toggle on" : "toggle"));
    if (e.role === "slider") {
      const track = node("span", "track");
      const fill = node("i");
      fill.style.width = `${e.value == null ? 0 : Math.round(((e.value - e.min) / (e.max - e.min)) * 100)}%`;
      track.appendChild(fill);
      item.append(track, node("span", null, e.value == null ? t("unknown") : String(e.value)));
    }
    if (e.role === "list") label.remove();
    return item;
  }

  function renderScreen() {
    const display = $("display");
    const screen = state.screen;
    if (!screen) {
      display.replaceChildren(node("div", "waiting", t("screen.waiting")));
      $("screen-title").textContent = "";
      return;
    }
    display.style.width = `${screen.width}px`;
    display.style.height = `${screen.height}px`;
    display.replaceChildren(...screen.elements.map(element));
    if (!screen.vehicleAvailable) display.appendChild(node("div", "banner", t("screen.vehicleUnavailable")));
    $("screen-title").textContent = localized(screen.title);
    fitScreen();
  }

  function fitScreen() {
    const box = $("screen");
    const width = state.screen?.width || 1280;
    const height = state.screen?.height || 720;
    const scale = box.clientWidth / width;
    $("display").style.transform = `scale(${scale})`;
    box.style.height = `${Math.round(height * scale)}px`;
  }

  // ---- the car (kuksa.val.v2 Subscribe) ------------------------------------------------------------------------
  function temperature(celsius) {
    if (typeof celsius !== "number") return t("unknown");
    return state.car["Vehicle.Cabin.Infotainment.HMI.TemperatureUnit"] === "F"
      ? `${(celsius * 9 / 5 + 32).toFixed(0)} °F` : `${celsius.toFixed(1)} °C`;
  }

  const known = value => value !== undefined && value !== null;

  // The sunroof's switch holds the last command; it is moving while its position is short of where that command ends.
  const SUNROOF_ENDS = { OPEN: 100, ONE_SHOT_OPEN: 100, CLOSE: 0, ONE_SHOT_CLOSE: 0, TILT_UP: -100, TILT_DOWN: 0 };
  const sunroofMoving = command => command in SUNROOF_ENDS && state.car["Vehicle.Cabin.Sunroof.Position"] !== SUNROOF_ENDS[command];

  // Each format: how a value reads, and whether it shows as "on" (something open, running, heating).
  const formats = {
    locked: [v => (v ? t("door.locked") : t("door.unlocked")), () => false],
    open: [v => (v ? t("door.open") : t("door.closed")), v => v === true],
    opened: [v => (v > 0 ? t("window.open", v) : t("window.closed")), v => v > 0],
    sunroof: [v => (v > 0 ? t("sunroof.open", v) : v < 0 ? t("sunroof.tilted", -v) : t("sunroof.closed")), v => v !== 0],
    motion: [v => (sunroofMoving(v) ? t("sunroof.moving", t(`sunroof.switch.${v}`)) : t(`sunroof.switch.${v}`)), v => sunroofMoving(v)],
    onOff: [v => (v ? t("on") : t("off")), v => v === true],
    seat: [v => (v > 0 ? t("seat.heating", v) : v < 0 ? t("seat.cooling", -v) : t("seat.off")), v => v !== 0],
    media: [v => t(`media.action.${v}`), v => v === "PLAY"],
    text: [v => String(v), () => false],
    percent: [v => `${v} %`, () => false],
    temperature: [v => temperature(v), () => false],
    speed: [v => t("driving.speedValue", Number(v).toFixed(0)), v => v !== 0],
  };

  function value(path, format) {
    const raw = state.car[path];
    const [text, active] = formats[format];
    const span = node("span", "value", known(raw) ? text(raw) : t("unknown"));
    span.dataset.path = path;
    span.dataset.value = known(raw) ? String(raw) : "";
    if (known(raw) && active(raw)) span.classList.add("active");
    return span;
  }

  function row(label, ...values) {
    const line = node("div", "row");
    line.append(node("span", "label", label), ...values);
    return line;
  }

  function card(title, rows) {
    const section = node("section", "card");
    section.append(node("h3", null, t(title)), ...rows);
    return section;
  }

  function renderCar() {
    const door = seat => `Vehicle.Cabin.Door.${seat}`;
    const zone = z => `Vehicle.Cabin.HVAC.Station.${z}`;
    const seatOf = z => z.replace("Driver", "DriverSide").replace("Passenger", "PassengerSide");
    const media = "Vehicle.Cabin.Infotainment.Media";
    const track = state.car[`${media}.Played.Track`];
    const artist = state.car[`${media}.Played.Artist`];
    const trackValue = value(`${media}.Played.Track`, "text");
    if (known(track) && artist) trackValue.textContent = t("media.trackBy", track, artist);

    $("car").replaceChildren(
      card("car.doors", [
        ...SEATS.map(s => row(t(`seat.${s}`), value(`${door(s)}.IsLocked`, "locked"), value(`${door(s)}.IsOpen`, "open"))),
        row(t("trunk"), value("Vehicle.Body.Trunk.Rear.IsOpen", "open")),
      ]),
      card("car.windows", SEATS.map(s => row(t(`seat.${s}`), value(`${door(s)}.Window.Position`, "opened")))),
      card("car.sunroof", [
        row(t("sunroof.position"), value("Vehicle.Cabin.Sunroof.Position", "sunroof")),
        row(t("sunroof.motion"), value("Vehicle.Cabin.Sunroof.Switch", "motion")),
        row(t("sunroof.shade"), value("Vehicle.Cabin.Sunroof.Shade.Position", "opened")),
      ]),
      card("car.climate", [
        ...ZONES.map(z => row(t(`seat.${seatOf(z)}`), value(`${zone(z)}.Temperature`, "temperature"), value(`${zone(z)}.FanSpeed`, "percent"))),
        row(t("climate.ac"), value("Vehicle.Cabin.HVAC.IsAirConditioningActive", "onOff")),
        row(t("climate.recirculation"), value("Vehicle.Cabin.HVAC.IsRecirculationActive", "onOff")),
      ]),
      card("car.seats", SEATS.map(s => row(t(`seat.${s}`), value(`Vehicle.Cabin.Seat.${s}.HeatingCooling`, "seat")))),
      card("car.media", [
        row(t("media.state"), value(`${media}.Action`, "media")),
        row(t("media.track"), trackValue),
        row(t("media.source"), value(`${media}.Played.Source`, "text")),
        row(t("media.volume"), value(`${media}.Volume`, "percent")),
      ]),
      card("car.driving", [
        row(t("driving.speed"), value("Vehicle.Speed", "speed")),
        row(t("driving.cabin"), value("Vehicle.Cabin.HVAC.AmbientAirTemperature", "temperature")),
        row(t("driving.outside"), value("Vehicle.Exterior.AirTemperature", "temperature")),
      ]),
    );
  }

  // ---- the conversation (cockpit.agent.v1 WatchInteractions, Converse, ConverseVoice) ------------------------------
  function addTurn(turn, transcript) {
    const key = turn.interactionId ? `id-${turn.interactionId}` : `local-${state.turns.size}`;
    const previous = state.turns.get(key);
    state.turns.set(key, { ...previous, ...turn, transcript: transcript || previous?.transcript, time: turn.time || previous?.time || new Date().toISOString() });
    renderTurns();
    refreshReportSoon();
  }

  function renderTurns() {
    const list = $("turns");
    if (state.turns.size === 0) {
      list.replaceChildren(node("li", "empty", t("conversation.empty")));
      return;
    }
    list.replaceChildren(...[...state.turns.values()].map(turn => {
      const item = node("li", `turn ${turn.outcome}`);
      item.dataset.interaction = turn.interactionId || "";
      item.dataset.outcome = turn.outcome;
      const meta = node("div", "meta");
      meta.append(
        node("time", null, new Date(turn.time).toLocaleTimeString(state.language === "zh" ? "zh-CN" : "en-GB")),
        node("span", `badge ${turn.outcome}`, t(`outcome.${turn.outcome}`)));
      if (turn.language) meta.append(node("span", null, t(`language.${turn.language}`)));
      if (turn.transcript) meta.append(node("span", null, `${t("turn.voice")} · ${t("turn.confidence", turn.transcript.confidence.toFixed(2))}`));
      const said = node("p", "said");
      said.append(node("b", null, `${t("turn.you")}: `), node("span", "utterance", turn.text));
      const reply = node("p", "reply");
      reply.append(node("b", null, `${t("turn.agent")}: `), node("span", null, turn.reply));
      const actions = node("ul", "actions");
      for (const action of turn.actions || []) {
        const entry = node("li", action.status);
        entry.append(node("code", null, action.call), ` → ${t(`action.${action.status}`)}`);
        if (action.reason) entry.append(` (${action.reason})`);
        for (const target of action.targets) entry.append(node("span", "target", `${target.path} = ${target.value}`));
        actions.appendChild(entry);
      }
      const timings = turn.timings || {};
      const times = node("div", "timings", t("turn.timings",
        (timings.understandingMs ?? 0).toFixed(1), (timings.executionMs ?? 0).toFixed(1), (timings.totalMs ?? 0).toFixed(1)));
      item.append(meta, said, reply, actions, times);
      return item;
    }));
    list.scrollTop = list.scrollHeight;
  }

  function notice(text, kind) {
    const box = $("notice");
    box.textContent = text || "";
    box.className = `notice ${kind || ""}`;
  }

  async function problem(response) {
    try {
      const body = await response.json();
      return body;
    } catch {
      return { detail: `${response.status} ${response.statusText}` };
    }
  }

  $("composer").addEventListener("submit", async event => {
    event.preventDefault();
    const input = $("text");
    const text = input.value.trim();
    if (!text) return;
    const send = $("send");
    send.disabled = true;
    notice(t("composer.sending"));
    try {
      const response = await fetch("/console/api/converse", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text, conversationId }),
      });
      if (!response.ok) {
        const body = await problem(response);
        notice(t("error.request", body.detail || body.title), "bad");
        return;
      }
      addTurn(await response.json());
      input.value = "";
      notice("");
    } catch (error) {
      notice(t("error.request", error.message), "bad");
    } finally {
      send.disabled = false;
    }
  });

  // ---- push-to-talk: microphone → AudioWorklet (16 kHz 16-bit PCM) → /console/api/voice → ConverseVoice -----------
  let recording = null;
  let released = false;

  async function startTalking(event) {
    event.preventDefault();
    if (recording) return;
    released = false;
    $("talk").classList.add("live");
    notice(t("voice.listening"));
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true } });
      const context = new AudioContext();
      await context.audioWorklet.addModule("/console/pcm-recorder.js");
      const source = context.createMediaStreamSource(stream);
      const recorder = new AudioWorkletNode(context, "pcm-recorder", {
        channelCount: 1, channelCountMode: "explicit", channelInterpretation: "speakers",
        processorOptions: { targetRate: VOICE_RATE },
      });
      const chunks = [];
      let finished;
      const done = new Promise(resolve => { finished = resolve; });
      recorder.port.onmessage = message => {
        if (message.data instanceof ArrayBuffer) chunks.push(new Int16Array(message.data));
        else if (message.data && message.data.flushed) finished();
      };
      source.connect(recorder);
      recorder.connect(context.destination); // the recorder writes silence; connected, it is pulled by the graph
      await context.resume();
      recording = { stream, context, recorder, chunks, done };
      $("talk").dataset.recording = "true";
      if (released) await stopTalking();
    } catch (error) {
      $("talk").classList.remove("live");
      notice(t("voice.noMicrophone", error.message || error.name), "bad");
    }
  }

  async function stopTalking() {
    released = true;
    const current = recording;
    if (!current) return;
    recording = null;
    delete $("talk").dataset.recording;
    $("talk").classList.remove("live");
    current.recorder.port.postMessage("flush");
    await Promise.race([current.done, new Promise(resolve => setTimeout(resolve, 500))]);
    current.stream.getTracks().forEach(track => track.stop());
    await current.context.close();

    const samples = current.chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    if (samples < VOICE_RATE / 10) {
      notice(t("voice.tooShort"), "bad");
      return;
    }
    const pcm = new Int16Array(samples);
    let offset = 0;
    for (const chunk of current.chunks) { pcm.set(chunk, offset); offset += chunk.length; }

    notice(t("voice.recognising"));
    try {
      const response = await fetch(`/console/api/voice?conversationId=${encodeURIComponent(conversationId)}`, {
        method: "POST",
        headers: { "Content-Type": "application/octet-stream" },
        body: pcm.buffer,
      });
      refreshReportSoon(); // a failed voice turn is logged too
      if (!response.ok) {
        const body = await problem(response);
        if (body.code === "speech_unavailable") notice(`${t("voice.noModel")} (${body.detail})`, "bad no-speech-model");
        else notice(t("error.request", body.detail || body.title), "bad");
        return;
      }
      const result = await response.json();
      if (result.turn) addTurn(result.turn, result.transcript);
      notice(result.transcript ? t("voice.heard", result.transcript.text) : "");
    } catch (error) {
      notice(t("error.request", error.message), "bad");
    }
  }

  const talk = $("talk");
  talk.addEventListener("pointerdown", startTalking);
  talk.addEventListener("pointerup", stopTalking);
  talk.addEventListener("pointerleave", () => { if (recording) stopTalking(); });
  talk.addEventListener("keydown", event => { if ((event.key === " " || event.key === "Enter") && !event.repeat) startTalking(event); });
  talk.addEventListener("keyup", event => { if (event.key === " " || event.key === "Enter") stopTalking(); });

  // ---- the accuracy report (cockpit.agent.v1 GetReport) -------------------------------------------------------------
  let reportTimer = null;

  function refreshReportSoon() {
    clearTimeout(reportTimer);
    reportTimer = setTimeout(loadReport, 1000);
  }

  async function loadReport() {
    try {
      const response = await fetch("/console/api/report");
      if (!response.ok) {
        const body = await problem(response);
        state.reportError = body.detail || body.title;
      } else {
        state.report = await response.json();
        state.reportError = null;
      }
    } catch (error) {
      state.reportError = error.message;
    }
    renderReport();
  }

  const percent = tally => (tally.total === 0 ? t("report.notAvailable") : `${(tally.accuracy * 100).toFixed(1)} %`);

  function renderReport() {
    const box = $("report");
    if (state.reportError) {
      box.replaceChildren(node("p", "notice bad", t("report.unavailable", state.reportError)));
      return;
    }
    const report = state.report;
    if (!report) {
      box.replaceChildren();
      return;
    }
    const figure = (label, text) => {
      const item = node("div", "figure");
      item.append(node("div", "muted", label), node("div", "big", text));
      return item;
    };
    const figures = node("div", "figures");
    figures.append(figure(t("report.accuracy"), percent(report.overall)),
      ...report.byLanguage.map(tally => figure(t("report.accuracyIn", t(`language.${tally.name}`)), percent(tally))));

    const most = Math.max(1, ...report.outcomes.map(o => o.count));
    const outcomes = node("div", "bars");
    for (const outcome of report.outcomes) {
      const bar = node("div", "bar");
      const fill = node("i", outcome.name);
      fill.style.width = `${(outcome.count / most) * 100}%`;
      bar.append(node("span", "label", t(`outcome.${outcome.name}`)), node("span", "track", null), node("span", "count", String(outcome.count)));
      bar.children[1].appendChild(fill);
      outcomes.appendChild(bar);
    }

    const latency = node("table", "latency");
    const head = node("tr");
    [t("report.stage"), "p50", "p95", "p99", "max"].forEach(text => head.appendChild(node("th", null, text)));
    latency.appendChild(head);
    for (const stage of report.latency) {
      const line = node("tr");
      line.append(node("td", null, t(`report.stage.${stage.stage}`)),
        ...[stage.p50Ms, stage.p95Ms, stage.p99Ms, stage.maxMs].map(ms => node("td", null, ms.toFixed(1))));
      latency.appendChild(line);
    }

    const worst = node("ol", "worst");
    for (const item of report.worst) {
      const entry = node("li");
      entry.append(node("span", "utterance", `“${item.transcript}”`), ` ×${item.times} → ${t(`outcome.${item.outcome}`)} `, node("code", null, item.modelOutput));
      worst.appendChild(entry);
    }
    if (report.worst.length === 0) worst.appendChild(node("li", "muted", t("report.none")));

    box.replaceChildren(figures, node("p", "muted", t("report.counts", report.interactions, report.labelled)),
      node("h3", null, t("report.outcomes")), outcomes, node("h3", null, t("report.latency")), latency,
      node("h3", null, t("report.worst")), worst);
  }

  $("report-refresh").addEventListener("click", loadReport);

  // ---- language and start ----------------------------------------------------------------------------------------
  $("language").addEventListener("click", async () => {
    state.language = state.language === "zh" ? "en" : "zh";
    localStorage.setItem("cockpit-console-language", state.language);
    await loadTexts(state.language);
    renderAll();
  });

  new ResizeObserver(fitScreen).observe($("screen"));

  function listen() {
    const events = new EventSource("/console/api/events");
    events.addEventListener("car", message => {
      Object.assign(state.car, JSON.parse(message.data));
      renderCar();
    });
    events.addEventListener("screen", message => {
      state.screen = JSON.parse(message.data);
      renderScreen();
    });
    events.addEventListener("turn", message => addTurn(JSON.parse(message.data)));
    events.addEventListener("status", message => {
      const status = JSON.parse(message.data);
      state.services[status.service] = status;
      renderServices();
      if (status.service === "agent" && status.available) loadReport();
    });
  }

  (async () => {
    await loadTexts(state.language);
    renderAll();
    listen();
    loadReport();
    document.body.dataset.ready = "true";
  })();
})();

// Renders the HMI's live screen from /hmi/api/events; the first view comes inside the page.
(() => {
  "use strict";

  const display = document.getElementById("display");
  const title = document.getElementById("title");
  const vehicle = document.getElementById("vehicle");
  const actions = document.getElementById("actions");
  let view = window.hmiInitialView;
  let language = new URLSearchParams(location.search).get("lang") || (view && view.language) || "zh";

  const text = t => (t ? (language === "en" ? t.en : t.zh) : "");

  function element(e) {
    const node = document.createElement("div");
    node.className = `el ${e.role}`;
    node.dataset.id = e.id;
    node.title = e.id;
    Object.assign(node.style, {
      left: `${e.bounds.x}px`, top: `${e.bounds.y}px`,
      width: `${e.bounds.width}px`, height: `${e.bounds.height}px`,
    });
    if (!e.enabled) node.classList.add("disabled");
    if (e.unavailable) node.classList.add("unavailable");
    if (e.role === "button" && e.id.startsWith("home.app.")) node.classList.add("tile");

    const label = document.createElement("span");
    label.textContent = e.role === "text_field" && e.input ? e.input : text(e.text);
    node.appendChild(label);

    if (e.role === "text_field" && e.input) node.classList.add("filled");
    if (e.role === "switch") {
      const toggle = document.createElement("span");
      toggle.className = e.checked ? "toggle on" : "toggle";
      node.appendChild(toggle);
    }
    if (e.role === "slider") {
      const value = document.createElement("span");
      value.textContent = e.value == null ? "—" : String(e.value);
      const track = document.createElement("span");
      track.className = "track";
      const fill = document.createElement("i");
      const share = e.value == null ? 0 : (e.value - e.min) / (e.max - e.min);
      fill.style.width = `${Math.round(share * 100)}%`;
      track.appendChild(fill);
      node.append(track, value);
    }
    if (e.role === "list") {
      label.remove();
      if (e.scrollable) {
        const bar = document.createElement("span");
        bar.className = "scrollbar";
        const rows = Math.floor(e.bounds.height / Math.max(1, e.bounds.height / Math.max(1, e.itemCount)));
        bar.style.top = `${(e.firstVisible / e.itemCount) * e.bounds.height}px`;
        bar.style.height = `${Math.max(24, (Math.min(rows, e.itemCount) / e.itemCount) * e.bounds.height * 0.3)}px`;
        node.appendChild(bar);
      }
    }
    return node;
  }

  function render() {
    if (!view) return;
    const screen = view.screen;
    title.textContent = text(screen.title);
    vehicle.textContent = screen.vehicleAvailable
      ? (language === "en" ? "Vehicle connected" : "车辆已连接")
      : (language === "en" ? "Vehicle unavailable" : "车辆服务不可用");
    vehicle.classList.toggle("down", !screen.vehicleAvailable);

    display.replaceChildren(...screen.elements.map(element));
    const latest = view.actions[0];
    if (latest && latest.ok) {
      const id = latest.action.split(" ").pop();
      const target = display.querySelector(`[data-id="${CSS.escape(id)}"]`);
      if (target) target.classList.add("flash");
    }

    actions.replaceChildren(...view.actions.map(a => {
      const item = document.createElement("li");
      if (!a.ok) item.className = "bad";
      const time = document.createElement("time");
      time.textContent = new Date(a.at).toLocaleTimeString();
      item.append(time, `${a.action} → ${a.summary}`);
      return item;
    }));
  }

  document.getElementById("language").addEventListener("click", () => {
    language = language === "zh" ? "en" : "zh";
    render();
  });

  render();
  const events = new EventSource("/hmi/api/events");
  events.onmessage = message => {
    view = JSON.parse(message.data);
    render();
  };
})();

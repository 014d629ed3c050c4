// The selected event's panel, for readers on a phone and at the keyboard (a Streamlit v2
// component with nothing to show). After a choice on the chart or in the table it scrolls the
// panel into view when it is off screen and moves the focus to the event's heading; the panel's
// "Back to the timeline" link scrolls back to the chart (or the table) as it was.

function reveal(id) {
  let tries = 0;
  const look = () => {
    const heading = document.querySelector(`.tl-event[data-event-id="${CSS.escape(id)}"] h2`);
    if (!heading) {
      if (tries++ < 100) setTimeout(look, 50); // the panel arrives in the same run, just after
      return;
    }
    const r = heading.getBoundingClientRect();
    const inView = r.top >= 0 && r.bottom <= window.innerHeight;
    heading.setAttribute("tabindex", "-1");
    heading.focus({ preventScroll: inView });
    if (!inView) heading.scrollIntoView({ block: "start" });
  };
  look();
}

function backToTheTimeline(event) {
  const link = event.target.closest && event.target.closest("a.tl-back");
  if (!link) return;
  event.preventDefault();
  const chart = document.querySelector(".tl-chart") || document.querySelector("[data-testid=stTabs]");
  chart?.scrollIntoView({ block: "start" });
  document.querySelector(".tl-label[aria-current]")?.focus({ preventScroll: true });
}

export default function (component) {
  const { data, parentElement } = component;
  if (!window.__tlBackLinks) {
    window.__tlBackLinks = true;
    document.addEventListener("click", backToTheTimeline);
  }
  // A token names each choice to reveal: reruns that carry the same one change nothing.
  if (data && data.token !== null && data.token !== parentElement.__token) {
    parentElement.__token = data.token;
    reveal(data.id);
  }
}

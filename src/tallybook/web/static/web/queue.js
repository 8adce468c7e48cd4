// The review queue from the keyboard: j/k move, a accepts, r rejects (with a reason), Enter opens.
(function () {
  var queue = document.getElementById("queue");
  if (!queue) return;
  var items = Array.prototype.slice.call(queue.querySelectorAll("li.item"));
  var canReview = queue.dataset.canReview === "true";
  var current = 0;
  var headers = JSON.parse(document.body.getAttribute("hx-headers") || "{}");

  function select(i) {
    if (!items.length) return;
    current = Math.max(0, Math.min(items.length - 1, i));
    items.forEach(function (el, j) { el.classList.toggle("current", j === current); });
    items[current].focus();
  }

  function decide(decision) {
    var item = items[current];
    if (!item || !canReview || item.dataset.done) return;
    var values = {decision: decision};
    if (decision === "reject") {
      var reason = window.prompt(item.dataset.rejectPrompt || "Reason for rejecting:");
      if (reason === null) return;
      values.reason = reason;
    }
    htmx.ajax("POST", item.dataset.reviewUrl, {target: item.querySelector(".result"), swap: "innerHTML",
                                               values: values, headers: headers}).then(function () {
      item.dataset.done = decision;
      item.classList.add("done");
      select(current + 1);
    });
  }

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || /INPUT|SELECT|TEXTAREA/.test(e.target.tagName)) return;
    if (e.key === "j") select(current + 1);
    else if (e.key === "k") select(current - 1);
    else if (e.key === "a") decide("accept");
    else if (e.key === "r") decide("reject");
    else if (e.key === "Enter" && items[current]) window.location = items[current].dataset.url;
    else return;
    e.preventDefault();
  });
  items.forEach(function (el, j) { el.addEventListener("click", function () { select(j); }); });
  select(0);
})();

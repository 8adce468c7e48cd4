// The review queue from the keyboard: j/k move, a accepts, c corrects (the claim's form), r rejects
// (with a reason), u undoes the last decision, x selects for "accept the selected", Enter opens.
(function () {
  var queue = document.getElementById("queue");
  if (!queue) return;
  var items = Array.prototype.slice.call(queue.querySelectorAll("li.item"));
  var canReview = queue.dataset.canReview === "true";
  var current = 0;
  var decided = [];  // the items decided here, newest last: what u takes back
  var headers = JSON.parse(document.body.getAttribute("hx-headers") || "{}");
  var remaining = document.getElementById("remaining");
  var bulk = document.getElementById("bulk-accept");
  var selected = document.getElementById("selected");

  function select(i) {
    if (!items.length) return;
    current = Math.max(0, Math.min(items.length - 1, i));
    items.forEach(function (el, j) { el.classList.toggle("current", j === current); });
    items[current].focus();
  }

  function count(delta) {
    if (remaining) remaining.textContent = Math.max(0, parseInt(remaining.textContent, 10) + delta);
  }

  function post(item, url, values) {
    return htmx.ajax("POST", url, {target: item.querySelector(".result"), swap: "innerHTML",
                                   values: values, headers: headers});
  }

  function decide(decision) {
    var item = items[current];
    if (!item || !canReview || item.dataset.done) return;
    var values = {decision: decision};
    if (decision === "reject") {
      var reason = window.prompt(queue.dataset.rejectPrompt || "Reason for rejecting:");
      if (reason === null) return;
      values.reason = reason;
    }
    item.dataset.done = decision;  // no second decision while this one is on its way
    post(item, item.dataset.reviewUrl, values).then(function () {
      item.classList.add("done");
      decided.push(item);
      count(-1);
      select(current + 1);
    });
  }

  function undo() {
    var item = decided.pop();
    if (!item || !canReview) return;
    post(item, item.dataset.undoUrl, {}).then(function () {
      delete item.dataset.done;
      item.classList.remove("done");
      item.querySelector(".result").textContent = "";
      count(1);
      select(items.indexOf(item));
    });
  }

  function toggle() {
    var box = items[current] && items[current].querySelector("input.pick");
    if (!box) return;
    box.checked = !box.checked;
    picked();
  }

  function picked() {
    var n = queue.querySelectorAll("input.pick:checked").length;
    if (selected) selected.textContent = n;
    if (bulk) bulk.disabled = n === 0;
  }

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || /INPUT|SELECT|TEXTAREA|BUTTON/.test(e.target.tagName)) return;
    if (e.key === "j") select(current + 1);
    else if (e.key === "k") select(current - 1);
    else if (e.key === "a") decide("accept");
    else if (e.key === "r") decide("reject");
    else if (e.key === "u") undo();
    else if (e.key === "x") toggle();
    else if (e.key === "c" && items[current] && canReview) window.location = items[current].dataset.url + "?decision=correct#review";
    else if (e.key === "Enter" && items[current]) window.location = items[current].dataset.url;
    else return;
    e.preventDefault();
  });
  items.forEach(function (el, j) { el.addEventListener("click", function () { select(j); }); });
  queue.addEventListener("change", picked);
  select(0);
})();

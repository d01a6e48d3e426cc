// chitieu review: select a record and see where it was printed, and the other way round;
// filters and keyboard navigation over the records. Plain JS, no library.
(function () {
  "use strict";

  function onIndex() {
    var panel = document.getElementById("ingest");
    if (!panel) return;
    var known = document.querySelectorAll("#documents tr[data-doc]").length;
    var state = document.getElementById("ingest-state");
    var errors = document.getElementById("ingest-errors");
    setInterval(function () {
      fetch(panel.dataset.poll, {cache: "no-store"}).then(function (r) { return r.json(); })
        .then(function (status) {
          state.textContent = status.state;
          errors.replaceChildren();
          status.failed.forEach(function (item) {
            var li = document.createElement("li");
            var name = document.createElement("code");
            name.textContent = item.name;
            var error = document.createElement("span");
            error.className = "error";
            error.textContent = item.error;
            li.append(name, ": ", error);
            errors.append(li);
          });
          if (status.documents !== known && !status.busy) location.reload();
        }).catch(function () {});
    }, 2000);
  }

  function onDocument() {
    var rows = Array.prototype.slice.call(document.querySelectorAll("tr.record"));
    var boxes = Array.prototype.slice.call(document.querySelectorAll(".box"));
    var lines = Array.prototype.slice.call(document.querySelectorAll(".line[data-recs]"));
    var boxesOf = {}, linesOf = {};
    boxes.forEach(function (box) {
      (boxesOf[box.dataset.rec] = boxesOf[box.dataset.rec] || []).push(box);
      var row = rows[+box.dataset.rec];
      if (row && row.dataset.flagged === "1") box.classList.add("flagged");
      box.addEventListener("click", function () { select(+box.dataset.rec, "table"); });
    });
    lines.forEach(function (line) {
      line.dataset.recs.split(" ").forEach(function (i) { (linesOf[i] = linesOf[i] || []).push(line); });
      line.addEventListener("click", function () { select(+line.dataset.recs.split(" ")[0], "table"); });
    });
    var current = -1;

    function select(index, scroll) {
      if (index < 0 || index >= rows.length) return;
      document.querySelectorAll(".selected").forEach(function (el) { el.classList.remove("selected"); });
      current = index;
      var row = rows[index];
      row.classList.add("selected");
      var sources = (boxesOf[index] || []).concat(linesOf[index] || []);
      sources.forEach(function (el) { el.classList.add("selected"); });
      if (scroll !== "source" && scroll !== "none") row.scrollIntoView({block: "nearest"});
      if (scroll !== "table" && scroll !== "none" && sources.length) sources[0].scrollIntoView({block: "center"});
      fillForm(row);
      history.replaceState(null, "", "#" + encodeURIComponent(row.dataset.key));
    }

    function fillForm(row) {
      var key = document.getElementById("correct-key");
      if (!key) return;
      key.value = row.dataset.key;
      document.getElementById("correct-label").textContent = row.dataset.key;
      document.getElementById("add-after").value = row.dataset.key;
      document.getElementById("add-after-label").textContent = "after " + row.dataset.key;
      showValue();
    }

    function showValue() {
      var row = rows[current];
      var field = document.getElementById("correct-field");
      if (!row || !field) return;
      var value = JSON.parse(row.dataset.values);
      field.value.split(".").forEach(function (part) {
        value = value === null || value === undefined ? null : value[part];
      });
      document.getElementById("correct-value").value = value === null || value === undefined ? "" : value;
    }

    function visible() {
      return rows.filter(function (row) { return !row.classList.contains("hidden"); });
    }

    function move(step) {
      var shown = visible();
      if (!shown.length) return;
      var at = shown.indexOf(rows[current]);
      var next = at < 0 ? (step > 0 ? 0 : shown.length - 1) : Math.min(shown.length - 1, Math.max(0, at + step));
      select(+shown[next].dataset.index);
    }

    var onlyFlagged = document.getElementById("only-flagged");
    var byWarning = document.getElementById("filter-warning");
    var byAgency = document.getElementById("filter-agency");
    var bySection = document.getElementById("filter-section");
    function applyFilters() {
      var shown = 0;
      rows.forEach(function (row) {
        var ok = (!onlyFlagged.checked || row.dataset.flagged === "1")
          && (!byWarning.value || (" " + row.dataset.warnings).indexOf(" " + byWarning.value + " ") >= 0)
          && (!byAgency.value || row.dataset.agencies.split("|").indexOf(byAgency.value) >= 0)
          && (!bySection.value || row.dataset.section === bySection.value);
        row.classList.toggle("hidden", !ok);
        (boxesOf[row.dataset.index] || []).forEach(function (box) { box.classList.toggle("hidden", !ok); });
        if (ok) shown += 1;
      });
      document.getElementById("shown-count").textContent = shown === rows.length ? "" : shown + " shown";
    }
    [onlyFlagged, byWarning, byAgency, bySection].forEach(function (el) { el.addEventListener("change", applyFilters); });

    rows.forEach(function (row) {
      row.addEventListener("click", function () { select(+row.dataset.index, "source"); });
    });
    var field = document.getElementById("correct-field");
    if (field) field.addEventListener("change", showValue);
    var reviewer = document.getElementById("reviewer");
    if (reviewer) {
      if (!reviewer.value) reviewer.value = localStorage.getItem("chitieu-reviewer") || "";
      document.querySelectorAll(".reviewer-copy").forEach(function (el) { el.value = reviewer.value; });
      reviewer.addEventListener("change", function () {
        localStorage.setItem("chitieu-reviewer", reviewer.value);
        document.querySelectorAll(".reviewer-copy").forEach(function (el) { el.value = reviewer.value; });
      });
    }
    var remove = document.getElementById("delete-record");
    if (remove) remove.addEventListener("click", function (event) {
      if (!confirm(remove.dataset.confirm)) event.preventDefault();
    });

    document.addEventListener("keydown", function (event) {
      var tag = (event.target.tagName || "").toLowerCase();
      if (tag === "input" || tag === "select" || tag === "textarea" || event.ctrlKey || event.metaKey || event.altKey) return;
      var handled = true;
      if (event.key === "j" || event.key === "ArrowDown") move(1);
      else if (event.key === "k" || event.key === "ArrowUp") move(-1);
      else if (event.key === "Enter") select(current, "source");
      else if (event.key === "f") { onlyFlagged.checked = !onlyFlagged.checked; applyFilters(); }
      else if (event.key === "e" && document.getElementById("correct-value")) document.getElementById("correct-value").focus();
      else if (event.key === "c" && current >= 0 && document.getElementById("mark-correct")) document.getElementById("mark-correct").click();
      else handled = false;
      if (handled) event.preventDefault();
    });

    var wanted = decodeURIComponent(location.hash.slice(1)) || new URLSearchParams(location.search).get("saved");
    var start = rows.findIndex(function (row) { return row.dataset.key === wanted; });
    if (start >= 0) select(start);
    document.body.dataset.ready = "1";
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (document.querySelector(".doc-layout")) onDocument(); else onIndex();
  });
})();

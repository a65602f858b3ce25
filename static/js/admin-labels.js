// Accessible names for admin controls that Django and its widgets leave unnamed:
// inputs in tabular inlines (named by their column heading), the date and time
// halves of a split date-time field, select2 autocompletes (whose own name is
// only the current choice) and the body editor's contenteditable area.
// Runs again whenever the form changes, as inline rows are added by script.
(function () {
  "use strict";
  var count = 0;

  function idOf(element) {
    if (!element.id) element.id = "admin-label-" + ++count;
    return element.id;
  }

  function text(element) {
    return element.textContent.replace(/\s+/g, " ").replace(/[\s:]+$/, "").trim();
  }

  function columnHeading(cell) {
    var field = Array.prototype.find.call(cell.classList, function (name) {
      return name.indexOf("field-") === 0;
    });
    var table = cell.closest("table");
    return field && table && table.querySelector("thead th.column-" + field.slice(6));
  }

  function labelOf(control) {
    if (control.labels && control.labels.length) return control.labels[0];
    var cell = control.closest("td");
    return cell ? columnHeading(cell) : null;
  }

  function nameControls() {
    document.querySelectorAll(
      ".tabular td input:not([type=hidden]), .tabular td select, .tabular td textarea"
    ).forEach(function (control) {
      var heading = labelOf(control);
      if (heading && !control.hasAttribute("aria-labelledby")) {
        control.setAttribute("aria-labelledby", idOf(heading));
      }
    });

    document.querySelectorAll("p.datetime input").forEach(function (input) {
      if (input.hasAttribute("aria-label")) return;
      var row = input.closest(".form-row");
      var field = row && row.querySelector("label");
      var part = input.previousSibling ? input.previousSibling.textContent : "";
      input.setAttribute(
        "aria-label",
        ((field ? text(field) + ", " : "") + part.replace(":", "").trim()).trim()
      );
    });

    document.querySelectorAll(".select2-selection[role=combobox]").forEach(function (box) {
      var container = box.closest(".select2");
      var select = container && container.previousElementSibling;
      var label = select && select.tagName === "SELECT" ? labelOf(select) : null;
      var choice = box.querySelector(".select2-selection__rendered");
      if (!label || box.dataset.labelled) return;
      box.dataset.labelled = "true";
      box.setAttribute("aria-labelledby", idOf(label) + (choice ? " " + idOf(choice) : ""));
      if (choice) choice.setAttribute("aria-labelledby", idOf(label));
    });

    document.querySelectorAll(".prose-editor [contenteditable=true]").forEach(function (editor) {
      var source = editor.closest(".prose-editor").querySelector("textarea");
      var label = source && labelOf(source);
      if (label && !editor.hasAttribute("aria-labelledby")) {
        editor.setAttribute("aria-labelledby", idOf(label));
      }
    });
  }

  var pending = false;
  function schedule() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      nameControls();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    nameControls();
    new MutationObserver(schedule).observe(document.body, { childList: true, subtree: true });
  });
})();

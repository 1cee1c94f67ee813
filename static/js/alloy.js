/* Alloy: small progressive enhancements. Every page works without this file.
 *
 * - Goals step: a live "$N left" and − / + steppers for each goal.
 * - Likes step: show the "do instead" choice only for a Swap rule; Enter in the
 *   movement search searches in place (htmx) instead of submitting the step.
 * - Forms marked data-submit-once ignore a second click while the first submit
 *   is on its way (Create must not run twice).
 * - Equipment (settings and wizard): choosing a preset ticks its boxes; ticking
 *   a box by hand switches to "My own list".
 */
(function () {
  "use strict";

  var BUDGET = 10;

  function updateBudget(form) {
    var inputs = form.querySelectorAll("[data-goal-weight]");
    var spent = 0;
    var chosen = 0;
    inputs.forEach(function (input) {
      var value = parseInt(input.value, 10);
      if (value > 0) {
        spent += value;
        chosen += 1;
      }
      var row = input.closest(".goal");
      if (row) row.classList.toggle("is-chosen", value > 0);
    });
    var left = BUDGET - spent;
    var box = form.querySelector("[data-budget]");
    var out = form.querySelector("[data-budget-left]");
    var hint = form.querySelector("[data-budget-hint]");
    if (!box || !out) return;
    if (left > 0) out.textContent = "$" + left + " left";
    else if (left === 0) out.textContent = "$10 placed";
    else out.textContent = "$" + -left + " over";
    box.dataset.state = left === 0 ? "done" : left < 0 ? "over" : "open";
    box.style.setProperty("--spent", Math.min(100, spent * 10) + "%");
    if (hint) {
      hint.textContent =
        chosen > 3
          ? "Pick at most 3 goals."
          : chosen + (chosen === 1 ? " goal" : " goals") + " chosen";
    }
  }

  function initBudget(root) {
    root.querySelectorAll("form[data-goals-form]").forEach(function (form) {
      if (form.dataset.enhanced) return;
      form.dataset.enhanced = "1";
      form.querySelectorAll("[data-stepper]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () {
          var input = button
            .closest(".goal")
            .querySelector("[data-goal-weight]");
          var value = parseInt(input.value, 10) || 0;
          var next = value + parseInt(button.dataset.stepper, 10);
          input.value = Math.max(0, Math.min(BUDGET, next));
          input.dispatchEvent(new Event("input", { bubbles: true }));
        });
      });
      form.addEventListener("input", function () {
        updateBudget(form);
      });
      updateBudget(form);
    });
  }

  function syncRule(select) {
    var row = select.closest("[data-rule-row]");
    var target = row && row.querySelector("[data-substitute]");
    if (target) target.hidden = select.value !== "SUBSTITUTE";
  }

  function initPicker(root) {
    root.querySelectorAll("[data-rule-select]").forEach(function (select) {
      if (select.dataset.enhanced) return;
      select.dataset.enhanced = "1";
      select.addEventListener("change", function () {
        syncRule(select);
      });
      syncRule(select);
    });
    root.querySelectorAll("[data-movement-search]").forEach(function (input) {
      if (input.dataset.enhanced || !window.htmx) return;
      input.dataset.enhanced = "1";
      input.addEventListener("keydown", function (event) {
        if (event.key === "Enter") event.preventDefault();
      });
    });
  }

  // Keep in step with movements/equipment.py (the server decides; this only
  // shows what a preset holds).
  var PRESETS = {
    HOME_BARBELL: ["barbell", "rack", "plates", "bench", "pull_up_bar"],
    DUMBBELLS_ONLY: ["dumbbell"],
    BODYWEIGHT_ONLY: [],
  };

  function initEquipment(root) {
    root.querySelectorAll("[data-equipment-preset]").forEach(function (radio) {
      if (radio.dataset.enhanced) return;
      radio.dataset.enhanced = "1";
      radio.addEventListener("change", function () {
        var form = radio.form;
        if (!form || !radio.checked || radio.value === "CUSTOM") return;
        var items = PRESETS[radio.value];
        form.querySelectorAll("[data-equipment-item]").forEach(function (box) {
          box.checked = items ? items.indexOf(box.value) !== -1 : true;
        });
      });
    });
    root.querySelectorAll("[data-equipment-item]").forEach(function (box) {
      if (box.dataset.enhanced) return;
      box.dataset.enhanced = "1";
      box.addEventListener("change", function () {
        var own = box.form && box.form.querySelector(
          "[data-equipment-preset][value='CUSTOM']"
        );
        if (own) own.checked = true;
      });
    });
  }

  function init(root) {
    initBudget(root);
    initPicker(root);
    initEquipment(root);
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute("data-submit-once")) return;
    if (form.dataset.submitting) {
      event.preventDefault();
      return;
    }
    form.dataset.submitting = "1";
  });
  // Coming back through the history cache: the form may be sent again.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-submitting]").forEach(function (form) {
      delete form.dataset.submitting;
    });
  });

  document.addEventListener("DOMContentLoaded", function () {
    init(document);
  });
  document.addEventListener("htmx:load", function (event) {
    init(event.target);
  });
})();

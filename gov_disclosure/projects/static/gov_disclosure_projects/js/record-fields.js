/*
 * The project edit form: each lifecycle record shows only the fields of its own category.
 * Without this script every group shows, each headed "Only for …"; the server clears the fields
 * of other categories when the record is saved, so nothing here is needed for correctness.
 */
(function () {
    "use strict";

    function categoryOf(select) {
        return select ? select.value : "";
    }

    function update(select) {
        var child = select.closest("[id^='inline_child_']") || select.closest("fieldset") || document;
        var category = categoryOf(select);
        child.querySelectorAll(".gdp-stage-fields").forEach(function (group) {
            var own = group.classList.contains("gdp-stage-fields--" + category);
            group.hidden = !own;
        });
    }

    function selects(root) {
        return root.querySelectorAll("select[name^='records-'][name$='-stage']");
    }

    function init(root) {
        selects(root).forEach(update);
    }

    document.addEventListener("change", function (event) {
        var target = event.target;
        if (target.matches && target.matches("select[name^='records-'][name$='-stage']")) {
            update(target);
        }
    });

    // New records added with "Add record" and forms re-rendered after an error.
    new MutationObserver(function () {
        init(document);
    }).observe(document.documentElement, { childList: true, subtree: true });

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", function () {
            init(document);
        });
    } else {
        init(document);
    }
})();

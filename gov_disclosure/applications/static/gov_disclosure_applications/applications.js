/*
 * gov_disclosure.applications public pages: small helps on top of pages that work without
 * JavaScript. Shows only the part of the form for the chosen kind of applicant (the server
 * ignores the other part anyway), moves the focus to the list of errors, offers to print the
 * receipt.
 */
(function () {
    "use strict";

    var form = document.querySelector("[data-gda-application]");
    if (form) {
        var groups = form.querySelectorAll("[data-gda-for]");
        var update = function () {
            var checked = form.querySelector('input[name="applicant_type"]:checked');
            groups.forEach(function (group) {
                group.hidden = Boolean(checked) && group.getAttribute("data-gda-for") !== checked.value;
            });
        };
        form.addEventListener("change", function (event) {
            if (event.target.name === "applicant_type") {
                update();
            }
        });
        update();
    }

    var summary = document.querySelector("[data-gda-summary]");
    if (summary) {
        summary.focus();
    }

    document.querySelectorAll("[data-gda-print]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () {
            window.print();
        });
    });
})();

// unrest public site: optional enhancements only. Every page works without
// this script; it submits filter forms as soon as a choice changes and adds
// a button that copies the citation line.
(function () {
  "use strict";
  document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
    form.addEventListener("change", function (event) {
      if (event.target.matches("select, input[type=checkbox], input[type=radio]")) {
        form.requestSubmit ? form.requestSubmit() : form.submit();
      }
    });
  });
  var copy = document.getElementById("copy-citation");
  var cite = document.getElementById("citation");
  if (copy && cite && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(cite.textContent.trim()).then(function () {
        copy.textContent = copy.getAttribute("data-done") || copy.textContent;
      });
    });
  }
})();

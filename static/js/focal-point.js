// The image form's focal point, set by clicking the picture. Progressive
// enhancement: the two number fields (how far across and down, in percent)
// stay the way to set it without a script or a mouse, and they are what is
// saved. Shows a newly chosen file at once, so the point can be set first.
(function () {
  "use strict";

  function clamp(value) {
    var number = Math.round(Number(value));
    return isNaN(number) ? 50 : Math.min(100, Math.max(0, number));
  }

  function start() {
    var picker = document.querySelector("[data-focal-picker]");
    var across = document.getElementById("id_focal_x");
    var down = document.getElementById("id_focal_y");
    var file = document.getElementById("id_file");
    if (!picker || !across || !down) return;

    var marker = document.createElement("span");
    marker.className = "focal-picker__marker";
    marker.setAttribute("aria-hidden", "true");
    picker.appendChild(marker);
    picker.classList.add("focal-picker--active");

    function picture() {
      return picker.querySelector("img");
    }

    function place() {
      marker.hidden = !picture();
      marker.style.left = clamp(across.value) + "%";
      marker.style.top = clamp(down.value) + "%";
    }

    picker.addEventListener("click", function (event) {
      var img = picture();
      if (!img || event.target !== img) return;
      var box = img.getBoundingClientRect();
      across.value = clamp(((event.clientX - box.left) / box.width) * 100);
      down.value = clamp(((event.clientY - box.top) / box.height) * 100);
      place();
    });
    across.addEventListener("input", place);
    down.addEventListener("input", place);

    if (file) {
      file.addEventListener("change", function () {
        var chosen = file.files && file.files[0];
        if (!chosen || chosen.type.indexOf("image/") !== 0) return;
        var img = picture();
        if (!img) {
          picker.textContent = "";
          img = document.createElement("img");
          img.alt = "The chosen picture; click where its focal point is";
          picker.appendChild(img);
          picker.appendChild(marker);
        }
        img.removeAttribute("width");
        img.removeAttribute("height");
        img.src = URL.createObjectURL(chosen);
        place();
      });
    }
    place();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

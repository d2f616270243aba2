// Click the picture to set the focal point (0–1 across, 0–1 down); a new file shows before it is saved.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-focal-picker]").forEach((picker) => {
    const x = document.getElementById(picker.dataset.x);
    const y = document.getElementById(picker.dataset.y);
    const image = picker.querySelector("img");
    const marker = picker.querySelector(".focal-marker");
    const place = () => {
      marker.style.left = `${(parseFloat(x.value) || 0.5) * 100}%`;
      marker.style.top = `${(parseFloat(y.value) || 0.5) * 100}%`;
    };
    image.addEventListener("click", (event) => {
      const box = image.getBoundingClientRect();
      x.value = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width)).toFixed(3);
      y.value = Math.min(1, Math.max(0, (event.clientY - box.top) / box.height)).toFixed(3);
      place();
    });
    x.addEventListener("input", place);
    y.addEventListener("input", place);
    const file = document.getElementById("id_image");
    if (file) {
      file.addEventListener("change", () => {
        if (file.files && file.files[0]) {
          image.src = URL.createObjectURL(file.files[0]);
          picker.hidden = false;
        }
      });
    }
    place();
  });
});

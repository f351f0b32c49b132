// Chỉ Nam — first administrator and password reset pages. No inline script (CSP): this file only.
(() => {
  var form = document.querySelector("form[data-endpoint]");
  if (!form) return;
  var out = document.getElementById("result");
  var token = new URLSearchParams(location.hash.slice(1)).get("token") || "";
  history.replaceState(null, "", location.pathname); // keep the one-time token out of history
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    var data = { token: token };
    new FormData(form).forEach((v, k) => {
      data[k] = String(v);
    });
    if (data.password !== data.confirm) {
      out.textContent = "Hai mật khẩu không khớp. / The passwords do not match.";
      return;
    }
    delete data.confirm;
    fetch(form.getAttribute("data-endpoint"), {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": "vi" },
      body: JSON.stringify(data),
    })
      .then((res) => {
        if (res.ok) {
          form.hidden = true;
          out.textContent = form.getAttribute("data-done");
          return;
        }
        return res.json().then((body) => {
          var e = body.error || {};
          var lines = [e.message || "Lỗi"].concat((e.details || []).map((d) => `– ${d.message}`));
          out.textContent = lines.join("\n");
        });
      })
      .catch(() => {
        out.textContent = "Không kết nối được máy chủ. / Cannot reach the server.";
      });
  });
})();

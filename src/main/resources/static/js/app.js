// Sends the CSRF token with every htmx request (the page carries it in meta tags).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// Forms that change something important ask first (inline handlers are not allowed by the CSP).
document.addEventListener('submit', function (event) {
  var message = event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

// The card number's message area is replaced on every keystroke (htmx:load fires on the new one); its
// data-invalid says whether the input is still invalid, so a red border never outlives its message.
document.addEventListener('htmx:load', function (event) {
  var fresh = event.detail.elt;
  var input = document.getElementById('accountNumber');
  if (fresh && fresh.id === 'bin-result' && input) {
    if (fresh.getAttribute('data-invalid') === 'true') {
      input.setAttribute('aria-invalid', 'true');
    } else {
      input.removeAttribute('aria-invalid');
    }
  }
});

// Review materials open full size in a dialog, with zoom (50 %–400 %) and quarter turns, so a reviewer can read a
// photographed card or ID however it was taken.
(function () {
  var zoom = 1;
  var turn = 0;
  function show() {
    var image = document.getElementById('viewer-image');
    image.style.width = Math.round(zoom * 100) + '%';
    image.style.transform = 'rotate(' + turn + 'deg)';
  }
  document.addEventListener('click', function (event) {
    var opener = event.target.closest('.material-open');
    var dialog = document.getElementById('material-viewer');
    if (opener && dialog) {
      var image = document.getElementById('viewer-image');
      image.src = opener.getAttribute('data-viewer-src');
      image.alt = opener.getAttribute('data-viewer-title');
      document.getElementById('viewer-title').textContent = opener.getAttribute('data-viewer-title');
      zoom = 1;
      turn = 0;
      show();
      dialog.showModal();
      return;
    }
    var action = event.target.closest('[data-viewer-action]');
    if (!action || !dialog) {
      return;
    }
    switch (action.getAttribute('data-viewer-action')) {
      case 'zoom-in': zoom = Math.min(4, zoom * 1.5); break;
      case 'zoom-out': zoom = Math.max(0.5, zoom / 1.5); break;
      case 'rotate': turn = (turn + 90) % 360; break;
      case 'reset': zoom = 1; turn = 0; break;
      case 'close': dialog.close(); return;
    }
    show();
  });
})();

// A form sent back with errors puts the keyboard on its first wrong field (its message is announced as an alert).
document.addEventListener('DOMContentLoaded', function () {
  var invalid = document.querySelector('form [aria-invalid="true"]');
  if (invalid) {
    invalid.focus();
  }
});

// A background job that finished tells the page, so lists that depend on it refresh in place.
document.addEventListener('htmx:load', function (event) {
  var job = event.detail.elt;
  var status = job && job.classList && job.classList.contains('job') ? job.getAttribute('data-status') : null;
  if (status === 'DONE' || status === 'FAILED') {
    document.body.dispatchEvent(new CustomEvent('settledesk:job-finished'));
  }
});

// The one-time code button waits as long as the server says before it can send again, counting down.
document.addEventListener('htmx:load', function (event) {
  var result = event.detail.elt;
  var button = document.getElementById('send-code');
  var wait = result && result.id === 'code-result' ? parseInt(result.getAttribute('data-wait'), 10) : NaN;
  if (!button || !(wait > 0) || wait > 600) {
    return;
  }
  var label = button.getAttribute('data-label') || button.textContent;
  button.setAttribute('data-label', label);
  button.disabled = true;
  var tick = function () {
    if (wait <= 0) {
      button.disabled = false;
      button.textContent = label;
      return;
    }
    button.textContent = button.getAttribute('data-again').replace('{0}', wait);
    wait -= 1;
    setTimeout(tick, 1000);
  };
  tick();
});

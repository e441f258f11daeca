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

// The card number's message area is replaced on every keystroke; its data-invalid says whether the input
// should still be marked invalid, so a red border never outlives the message that explained it.
document.addEventListener('htmx:afterSwap', function (event) {
  var target = event.detail.target;
  if (target && target.id === 'bin-result') {
    var input = document.getElementById('accountNumber');
    var fresh = document.getElementById('bin-result');
    if (input && fresh) {
      if (fresh.getAttribute('data-invalid') === 'true') {
        input.setAttribute('aria-invalid', 'true');
      } else {
        input.removeAttribute('aria-invalid');
      }
    }
  }
});

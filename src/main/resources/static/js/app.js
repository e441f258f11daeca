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

// Sign-in: user name and password at the issuer. Locally the development issuer lists its demo users, so a
// newcomer can pick a role with one click (every demo password is 'demo').
import { h, fill } from './dom.js';
import { ROLES } from './labels.js';
import { signIn } from './session.js';

export function mountSignIn(container, onSignedIn) {
  const error = h('p', { class: 'field-error', id: 'signin-error', role: 'alert' });
  const user = h('input', { id: 'signin-user', name: 'user', autocomplete: 'username', required: true });
  const password = h('input', {
    id: 'signin-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true,
  });
  const form = h('form', { class: 'card signin', novalidate: true, 'aria-describedby': 'signin-error' },
    h('h1', {}, 'Aanmelden'),
    h('p', {}, 'Coördinatiepunt tijdelijk verblijf: één plek voor crisisopnames en logeerzorg in de regio.'),
    h('div', { class: 'field' }, h('label', { for: 'signin-user' }, 'Gebruikersnaam'), user),
    h('div', { class: 'field' }, h('label', { for: 'signin-password' }, 'Wachtwoord'), password),
    error,
    h('button', { type: 'submit', 'data-test': 'sign-in' }, 'Aanmelden'));
  const demo = h('section', { class: 'card', 'aria-labelledby': 'demo-title' });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    if (!user.value.trim() || !password.value) {
      error.textContent = 'Vul uw gebruikersnaam en wachtwoord in.';
      return;
    }
    try {
      onSignedIn(await signIn(user.value.trim(), password.value));
    } catch (failure) {
      error.textContent = failure.message;
      password.select();
    }
  });

  fill(container, h('div', { class: 'signin-page' }, form, demo));
  user.focus();
  showDemoUsers(demo, (id) => { user.value = id; password.value = 'demo'; form.requestSubmit(); });
  return () => {};
}

async function showDemoUsers(section, choose) {
  let users;
  try {
    const response = await fetch('/auth/users');
    if (!response.ok) return;
    users = await response.json();
  } catch (unreachable) {
    return;
  }
  fill(section,
    h('h2', { id: 'demo-title' }, 'Demogebruikers'),
    h('p', {}, 'Deze omgeving draait met demogebruikers; het wachtwoord is steeds "demo".'),
    h('ul', { class: 'demo-users' }, users.map((demoUser) => h('li', {},
      h('button', {
        type: 'button', class: 'link', 'data-user': demoUser.id, onclick: () => choose(demoUser.id),
      }, `${demoUser.name}`),
      h('span', { class: 'muted' }, ` ${demoUser.roles.map((role) => ROLES[role] || role).join(', ')} · `
        + `${demoUser.description || demoUser.org || ''}`)))));
}

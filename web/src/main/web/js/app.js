// The page shell: sign-in, the navigation for the signed-in role, and one screen at a time (#/...).
import { h, fill, tickClocks } from './dom.js';
import { currentSession, signOut } from './session.js';
import { ROLES } from './labels.js';
import { mountSignIn } from './signin.js';
import { mountBoard } from './board.js';
import { mountProvider } from './provider.js';
import { mountReferrer } from './referrer.js';
import { mountMonitoring } from './monitoring.js';
import { mountRota } from './rota.js';
import { mountBeheer } from './beheer.js';

const SCREENS = {
  '#/coordinator': { title: 'Regiobord', roles: ['COORDINATOR'], mount: mountBoard },
  '#/beheer': { title: 'Beheer', roles: ['ADMIN'], mount: mountBeheer },
  '#/dienstrooster': { title: 'Dienstrooster', roles: ['COORDINATOR', 'ADMIN'], mount: mountRota },
  '#/monitoring': { title: 'Monitoring', roles: ['COORDINATOR', 'ADMIN'], mount: mountMonitoring },
  '#/aanbieder': { title: 'Mijn locaties', roles: ['PROVIDER'], mount: mountProvider },
  '#/verwijzer': { title: 'Aanvragen', roles: ['REFERRER'], mount: mountReferrer },
};

let unmount = () => {};

function allowed(session, screen) {
  return screen.roles.some((role) => session.roles.includes(role));
}

function homeOf(session) {
  const entry = Object.entries(SCREENS).find(([, screen]) => allowed(session, screen));
  return entry ? entry[0] : '#/aanmelden';
}

function renderHeader(session) {
  const nav = document.getElementById('navigation');
  const user = document.getElementById('user');
  if (!session) {
    fill(nav);
    fill(user);
    return;
  }
  fill(nav, h('ul', {}, Object.entries(SCREENS).filter(([, screen]) => allowed(session, screen))
    .map(([hash, screen]) => h('li', {}, h('a', {
      href: hash, 'aria-current': location.hash === hash ? 'page' : null,
    }, screen.title)))));
  fill(user,
    h('span', { class: 'who' }, `${session.name} · ${session.roles.map((role) => ROLES[role] || role).join(', ')}`),
    h('button', {
      type: 'button', class: 'secondary', 'data-test': 'sign-out',
      onclick: () => { signOut(); location.hash = '#/aanmelden'; route(); },
    }, 'Afmelden'));
}

function route() {
  unmount();
  unmount = () => {};
  const main = document.getElementById('main');
  const session = currentSession();
  renderHeader(session);
  if (!session || location.hash === '#/aanmelden') {
    if (session) signOut();
    renderHeader(null);
    document.title = 'Aanmelden · Adempauze';
    unmount = mountSignIn(main, (signedIn) => { location.hash = homeOf(signedIn); });
    return;
  }
  const screen = SCREENS[location.hash];
  if (!screen || !allowed(session, screen)) {
    location.replace(homeOf(session));
    return;
  }
  document.title = `${screen.title} · Adempauze`;
  unmount = screen.mount(main, session) || (() => {});
  main.focus({ preventScroll: true });
}

window.addEventListener('hashchange', route);
window.addEventListener('adempauze:signed-out', () => { location.hash = '#/aanmelden'; });
setInterval(tickClocks, 1000);
route();

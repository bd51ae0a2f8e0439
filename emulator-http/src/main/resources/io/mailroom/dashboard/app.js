// The dashboard shell: routing (#/queues, #/topics, #/mail, #/inbound, #/buckets), the account/region filter, and the poll
// that keeps every view live. Views re-render only the parts whose data changed, so forms keep their input.
import {getJson} from './api.js';
import {QueuesView} from './queues.js';
import {TopicsView} from './topics.js';
import {MailView} from './mail.js';
import {InboundView} from './inbound.js';
import {BucketsView} from './buckets.js';
import {h, fill, scopeLabel} from './dom.js';

const POLL_MILLIS = 1000;
const main = document.getElementById('main');
const scopeSelect = document.getElementById('scope');
const live = document.getElementById('live');
const notice = document.getElementById('notice');

const app = {
  data: {queues: [], topics: [], messages: [], inbound: [], buckets: []},
  scope: '',
  /** Whether a queue, topic, mail or bucket belongs to the chosen account and region. */
  inScope(item) {
    return !app.scope || scopeLabel(item) === app.scope;
  },
  notify(text, kind = 'ok') {
    fill(notice, text);
    notice.className = `notice ${kind}`;
    notice.hidden = false;
    clearTimeout(app.noticeTimer);
    app.noticeTimer = setTimeout(() => { notice.hidden = true; }, kind === 'error' ? 8000 : 3000);
  },
  /** Polls now instead of at the next tick, after the page changed something. */
  refresh() {
    clearTimeout(app.pollTimer);
    return poll();
  },
};

const views = {
  queues: new QueuesView(app), topics: new TopicsView(app), mail: new MailView(app),
  inbound: new InboundView(app), buckets: new BucketsView(app),
};
let current = null;

function route() {
  const [name, ...args] = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const view = views[name] ? name : 'queues';
  if (!current || current.name !== view) {
    current = {name: view, view: views[view]};
    fill(main);
    current.view.mount(main);
  }
  current.view.select(views[name] ? args : []);
  for (const link of document.querySelectorAll('.sidebar a')) {
    link.classList.toggle('active', link.dataset.view === view);
  }
  render();
}

function render() {
  if (current) current.view.update(app.data);
}

function updateScopes() {
  const {queues, topics, messages, inbound, buckets} = app.data;
  const all = [...queues, ...topics, ...messages, ...inbound, ...buckets].map(scopeLabel);
  const scopes = [...new Set(all)].sort();
  const existing = [...scopeSelect.options].slice(1).map((o) => o.value);
  if (scopes.join() !== existing.join()) {
    const chosen = scopeSelect.value;
    fill(scopeSelect, h('option', {value: '', text: 'All'}), scopes.map((s) => h('option', {value: s, text: s})));
    scopeSelect.value = scopes.includes(chosen) ? chosen : '';
  }
  const count = (items) => items.filter((i) => app.inScope(i)).length;
  document.getElementById('count-queues').textContent = count(app.data.queues);
  document.getElementById('count-topics').textContent = count(app.data.topics);
  document.getElementById('count-mail').textContent = count(app.data.messages);
  document.getElementById('count-inbound').textContent = count(app.data.inbound);
  document.getElementById('count-buckets').textContent = count(app.data.buckets);
}

async function poll() {
  try {
    const [queues, topics, mail, inbound, buckets] = await Promise.all([
      getJson('/_mailroom/api/queues'), getJson('/_mailroom/api/topics'), getJson('/_mailroom/api/mail'),
      getJson('/_mailroom/api/inbound'), getJson('/_mailroom/api/buckets')]);
    app.data = {queues: queues.queues, topics: topics.topics, messages: mail.messages, inbound: inbound.messages,
      buckets: buckets.buckets};
    updateScopes();
    render();
    live.textContent = `live · ${new Date().toLocaleTimeString([], {hour12: false})}`;
    live.className = 'live ok';
  } catch (e) {
    live.textContent = 'server unreachable';
    live.className = 'live down';
  } finally {
    clearTimeout(app.pollTimer);
    // A hidden tab stops polling; it catches up as soon as it is shown again.
    if (!document.hidden) app.pollTimer = setTimeout(poll, POLL_MILLIS);
  }
}

scopeSelect.addEventListener('change', () => {
  app.scope = scopeSelect.value;
  updateScopes();
  render();
});
document.addEventListener('visibilitychange', () => {
  if (!document.hidden) app.refresh();
});
window.addEventListener('hashchange', route);
route();
poll();

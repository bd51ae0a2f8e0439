// Topics: their subscriptions with filter policies, and what SNS recently delivered to each (status, retries).
import {badge, empty, fill, h, pretty, table, time} from './dom.js';

const STATUS_KIND = {DELIVERED: 'visible', RECORDED: 'visible', RETRYING: 'delayed', FAILED: 'error', REDRIVEN: 'inflight'};

export class TopicsView {
  constructor(app) {
    this.app = app;
  }

  mount(el) {
    this.list = h('div', {class: 'topics'});
    el.append(h('h1', {text: 'Topics'}), this.list);
    this.key = null;
  }

  select() {
    this.key = null;
  }

  update(data) {
    const topics = data.topics.filter((t) => this.app.inScope(t));
    const key = JSON.stringify(topics);
    if (key === this.key) return;
    this.key = key;
    if (!topics.length) {
      fill(this.list, empty('No topics yet. Create one with any SNS client, e.g. '
        + 'aws --endpoint-url http://localhost:4566 sns create-topic --name events'));
      return;
    }
    fill(this.list, topics.map((t) => this.topic(t)));
  }

  topic(t) {
    const subscriptions = t.subscriptions.map((s) => h('tr', {class: 'subscription', dataset: {arn: s.arn}},
      h('td', {}, badge(s.protocol)),
      h('td', {class: 'mono small', text: s.endpoint}),
      h('td', {}, s.pending ? badge('pending confirmation', 'delayed') : badge('confirmed', 'visible'),
        s.rawMessageDelivery ? [' ', badge('raw')] : null),
      h('td', {}, s.filterPolicy
        ? [h('pre', {class: 'filter-policy', text: pretty(s.filterPolicy)}),
          h('span', {class: 'muted small', text: `on ${s.filterPolicyScope}`})]
        : h('span', {class: 'muted', text: 'everything'})),
      h('td', {}, summary(s.deliveries))));
    const deliveries = t.subscriptions
      .flatMap((s) => s.deliveries.map((d) => ({...d, subscription: s})))
      .sort((a, b) => b.lastAttemptAt - a.lastAttemptAt)
      .slice(0, 20);
    return h('section', {class: 'panel topic', dataset: {topic: t.name}},
      h('div', {class: 'detail-head'},
        h('h2', {text: t.name}),
        t.fifo ? badge('FIFO', 'fifo') : null,
        h('span', {class: 'muted small', text: `${t.accountId} / ${t.region}`})),
      h('p', {class: 'mono muted small', text: t.arn}),
      t.subscriptions.length
        ? table(['Protocol', 'Endpoint', 'Status', 'Filter policy', 'Deliveries'], subscriptions, {class: 'subscriptions'})
        : empty('No subscriptions.'),
      deliveries.length ? [h('h3', {text: 'Recent deliveries'}),
        table(['Last attempt', 'Endpoint', 'Message ID', 'Status', 'Attempts', 'HTTP', 'Last error'],
          deliveries.map((d) => h('tr', {class: 'delivery'},
            h('td', {class: 'small', text: time(d.lastAttemptAt)}),
            h('td', {class: 'mono small', text: `${d.subscription.protocol}: ${d.subscription.endpoint}`}),
            h('td', {class: 'mono small', text: d.messageId}),
            h('td', {}, badge(d.status.toLowerCase(), STATUS_KIND[d.status] || '')),
            h('td', {class: 'num', text: d.attempts}),
            h('td', {class: 'num', text: d.lastHttpStatus || ''}),
            h('td', {class: 'small', text: d.lastError || ''}))), {class: 'deliveries'})] : null);
  }
}

function summary(deliveries) {
  if (!deliveries.length) return h('span', {class: 'muted', text: 'none yet'});
  const counts = {};
  for (const d of deliveries) counts[d.status] = (counts[d.status] || 0) + 1;
  return Object.entries(counts).map(([status, n]) => [badge(`${n} ${status.toLowerCase()}`, STATUS_KIND[status] || ''), ' ']);
}

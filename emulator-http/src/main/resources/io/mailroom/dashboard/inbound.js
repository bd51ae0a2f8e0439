// Inbound mail: what the receipt rules did with each received message (recipients, rules, every action's
// outcome), with a download of the object an S3 action stored.
import {badge, empty, fill, h, table, time} from './dom.js';

export class InboundView {
  constructor(app) {
    this.app = app;
  }

  mount(el) {
    this.list = h('section', {class: 'panel'});
    el.append(h('h1', {text: 'Inbound mail'}), this.list);
    this.key = null;
  }

  select() {
    this.key = null;
  }

  update(data) {
    const messages = data.inbound.filter((m) => this.app.inScope(m));
    const key = JSON.stringify(messages);
    if (key === this.key) return;
    this.key = key;
    if (!messages.length) {
      fill(this.list, empty('No mail received yet. Activate a receipt rule set, then send mail to Mailroom\'s SMTP '
        + 'port from an unauthenticated session or POST it to /_mailroom/ses/inbound.'));
      return;
    }
    fill(this.list, table(['Received', 'From', 'Subject', 'Recipients', 'Rule set / rules', 'Actions'],
      messages.map((m) => h('tr', {class: 'inbound', dataset: {messageId: m.messageId}},
        h('td', {class: 'small'}, time(m.timestamp), h('div', {class: 'muted small', text: `${m.accountId} / ${m.region}`})),
        h('td', {class: 'from', text: m.mailFrom || '<>'}),
        h('td', {class: 'subject', text: m.subject || '(no subject)'}),
        h('td', {class: 'recipients'},
          m.accepted.map((r) => h('div', {}, badge('accepted', 'visible'), ' ', h('span', {class: 'small', text: r}))),
          m.rejected.map((r) => h('div', {}, badge('rejected', 'error'), ' ', h('span', {class: 'small', text: r})))),
        h('td', {}, h('div', {class: 'rule-set', text: m.ruleSet}),
          h('div', {class: 'muted small', text: m.rules.length ? m.rules.join(', ') : 'no rule matched'})),
        h('td', {class: 'actions'}, m.actions.length ? m.actions.map(action) : h('span', {class: 'muted', text: 'none'})))),
      {class: 'inbound-list'}));
  }
}

function action(a) {
  const ok = a.outcome === 'OK';
  return h('div', {class: 'action', dataset: {type: a.type, outcome: a.outcome}},
    badge(`${a.type} ${ok ? 'ok' : a.outcome.toLowerCase()}`, ok ? 'visible' : 'error'),
    h('span', {class: 'muted small', text: ` ${a.rule}`}),
    a.object ? [' ', h('a', {class: 'stored-object small', href: a.object.downloadUrl,
      download: a.object.key.split('/').pop(), text: `s3://${a.object.bucket}/${a.object.key}`}),
    ' ', h('a', {class: 'small', href: `#/buckets/${[a.object.accountId, a.object.region, a.object.bucket]
      .map(encodeURIComponent).join('/')}`, text: 'bucket'})]
      : a.type === 'S3' && a.bucketName ? h('span', {class: 'mono small', text: ` s3://${a.bucketName}/${a.objectKey}`}) : null,
    a.topicArn ? h('span', {class: 'mono small muted', text: ` → ${a.topicArn.split(':').pop()}`}) : null,
    a.error ? h('div', {class: 'small error-text', text: a.error}) : null);
}

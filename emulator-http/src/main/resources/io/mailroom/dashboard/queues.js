// Queues: counts per queue; for the chosen queue a non-destructive peek at its messages, send and purge.
import {peek, sqs} from './api.js';
import {badge, empty, fill, h, pretty, table, time} from './dom.js';

const key = (q) => `${q.accountId}/${q.region}/${q.name}`;
const link = (q) => `#/queues/${[q.accountId, q.region, q.name].map(encodeURIComponent).join('/')}`;

export class QueuesView {
  constructor(app) {
    this.app = app;
    this.selected = null;
    this.messageId = null;
  }

  mount(el) {
    this.list = h('section', {class: 'panel'});
    this.detail = h('section', {class: 'panel detail', hidden: true});
    el.append(h('h1', {text: 'Queues'}), this.list, this.detail);
    this.listKey = null;
    this.detailFor = null;
  }

  /** args: [account, region, name] of the queue to open, or none. */
  select(args) {
    this.selected = args.length === 3 ? args.join('/') : null;
    this.listKey = null;
  }

  update(data) {
    const queues = data.queues.filter((q) => this.app.inScope(q));
    const listKey = JSON.stringify([queues, this.selected]);
    if (listKey !== this.listKey) {
      this.listKey = listKey;
      this.renderList(queues);
    }
    const queue = data.queues.find((q) => key(q) === this.selected);
    if (!queue) {
      this.detail.hidden = !this.selected;
      this.detailFor = null;
      if (this.selected) fill(this.detail, empty(`Queue ${this.selected} does not exist (any more).`));
      return;
    }
    this.detail.hidden = false;
    if (this.detailFor !== key(queue)) {
      this.detailFor = key(queue);
      this.messageId = null;
      this.messagesKey = null;
      this.mountDetail(queue);
    }
    this.queue = queue;
    fill(this.counts,
      badge(`${queue.visible} available`, 'visible'), ' ',
      badge(`${queue.inflight} in flight`, 'inflight'), ' ',
      badge(`${queue.delayed} delayed`, 'delayed'));
    this.peek(queue);
  }

  renderList(queues) {
    if (!queues.length) {
      fill(this.list, empty('No queues yet. Create one with any SQS client, e.g. '
        + 'aws --endpoint-url http://localhost:4566 sqs create-queue --queue-name orders'));
      return;
    }
    const rows = queues.map((q) => h('tr', {
      class: key(q) === this.selected ? 'selected clickable' : 'clickable',
      dataset: {queue: q.name},
      onclick: () => { location.hash = link(q); },
    },
    h('td', {class: 'name'}, h('a', {href: link(q), text: q.name})),
    h('td', {class: 'mono muted', text: q.accountId}),
    h('td', {class: 'muted', text: q.region}),
    h('td', {}, q.fifo ? badge('FIFO', 'fifo') : badge('Standard')),
    h('td', {class: 'num visible', text: q.visible}),
    h('td', {class: 'num inflight', text: q.inflight}),
    h('td', {class: 'num delayed', text: q.delayed}),
    h('td', {class: 'muted', text: q.deadLetterTargetArn ? q.deadLetterTargetArn.split(':').pop() : ''})));
    fill(this.list, table(['Name', 'Account', 'Region', 'Type', 'Available', 'In flight', 'Delayed', 'Dead-letter queue'],
      rows, {class: 'queues'}));
  }

  mountDetail(queue) {
    this.counts = h('span', {class: 'counts'});
    this.messages = h('div', {class: 'messages'});
    this.message = h('div', {class: 'message-view'});
    fill(this.detail,
      h('div', {class: 'detail-head'},
        h('h2', {text: queue.name}),
        this.counts,
        h('button', {id: 'purge-button', class: 'danger', type: 'button', onclick: () => this.purge()}, 'Purge')),
      h('p', {class: 'mono muted small', text: queue.url}),
      this.sendForm(queue),
      h('h3', {}, 'Messages ', h('span', {class: 'muted small', text: '(peek: nothing is received or changed)'})),
      this.messages,
      this.message);
  }

  sendForm(queue) {
    const body = h('textarea', {id: 'send-body', rows: 3, placeholder: 'Message body', required: true});
    const delay = h('input', {id: 'send-delay', type: 'number', min: 0, max: 900, placeholder: '0'});
    const group = queue.fifo ? h('input', {id: 'send-group', placeholder: 'MessageGroupId', required: true}) : null;
    const dedup = queue.fifo ? h('input', {id: 'send-dedup', placeholder: 'MessageDeduplicationId'}) : null;
    const form = h('form', {class: 'send', onsubmit: async (event) => {
      event.preventDefault();
      const input = {MessageBody: body.value};
      if (delay.value !== '') input.DelaySeconds = Number(delay.value);
      if (group && group.value) input.MessageGroupId = group.value;
      if (dedup && dedup.value) input.MessageDeduplicationId = dedup.value;
      try {
        const sent = await sqs('SendMessage', this.queue, input);
        this.app.notify(`Sent message ${sent.MessageId}`);
        await this.app.refresh();
      } catch (e) {
        this.app.notify(e.message, 'error');
      }
    }},
    body,
    h('div', {class: 'send-options'},
      h('label', {}, 'Delay (s) ', delay),
      group && h('label', {}, 'Group ', group),
      dedup && h('label', {}, 'Dedup id ', dedup),
      h('button', {id: 'send-button', type: 'submit'}, 'Send message')));
    return form;
  }

  async purge() {
    const queue = this.queue;
    if (!confirm(`Purge every message of ${queue.name}?`)) return;
    try {
      await sqs('PurgeQueue', queue, {});
      this.app.notify(`Purged ${queue.name}`);
      await this.app.refresh();
    } catch (e) {
      this.app.notify(e.message, 'error');
    }
  }

  async peek(queue) {
    if (this.peeking) return;
    this.peeking = true;
    try {
      const answer = await peek(queue);
      if (this.detailFor !== key(queue)) return;
      const messages = answer.Messages || [];
      const messagesKey = JSON.stringify([messages, this.messageId]);
      if (messagesKey === this.messagesKey) return;
      this.messagesKey = messagesKey;
      this.renderMessages(messages);
    } catch (e) {
      fill(this.messages, empty(`Cannot peek: ${e.message}`));
    } finally {
      this.peeking = false;
    }
  }

  renderMessages(messages) {
    if (!messages.length) {
      fill(this.messages, empty('The queue is empty.'));
      fill(this.message);
      return;
    }
    const rows = messages.map((m) => {
      const a = m.Attributes || {};
      const state = a.IsDelayed === 'true' ? badge('delayed', 'delayed')
        : a.IsVisible === 'false' ? badge('in flight', 'inflight') : badge('available', 'visible');
      return h('tr', {
        class: m.MessageId === this.messageId ? 'message selected clickable' : 'message clickable',
        dataset: {messageId: m.MessageId},
        onclick: () => {
          this.messageId = m.MessageId;
          this.messagesKey = null;
          this.renderMessages(messages);
        },
      },
      h('td', {class: 'mono small', text: m.MessageId}),
      h('td', {class: 'small', text: time(a.SentTimestamp)}),
      h('td', {}, state),
      h('td', {class: 'num', text: a.ApproximateReceiveCount || '0'}),
      h('td', {class: 'mono preview', text: (m.Body || '').slice(0, 120)}));
    });
    fill(this.messages, table(['Message ID', 'Sent', 'State', 'Receives', 'Body'], rows, {class: 'message-list'}));
    const chosen = messages.find((m) => m.MessageId === this.messageId);
    fill(this.message, chosen ? this.messageView(chosen) : null);
  }

  messageView(m) {
    const attributes = Object.entries(m.Attributes || {}).sort();
    const custom = Object.entries(m.MessageAttributes || {});
    return h('div', {},
      h('h3', {}, 'Message ', h('span', {class: 'mono small', text: m.MessageId})),
      h('pre', {class: 'message-body', text: pretty(m.Body)}),
      custom.length ? table(['Message attribute', 'Type', 'Value'], custom.map(([name, v]) => h('tr', {},
        h('td', {class: 'mono', text: name}), h('td', {text: v.DataType}),
        h('td', {class: 'mono', text: v.StringValue ?? v.BinaryValue ?? ''})))) : null,
      table(['Attribute', 'Value'], attributes.map(([name, value]) => h('tr', {},
        h('td', {class: 'mono', text: name}),
        h('td', {class: 'mono', text: /Timestamp$/.test(name) ? `${value} (${time(value)})` : value}))),
      {class: 'attributes'}));
  }
}

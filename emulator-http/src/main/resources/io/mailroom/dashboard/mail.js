// Sent mail: the list, and one message with its headers, text, HTML (in a sandboxed frame: no script,
// no remote content) and attachments to download.
import {getJson} from './api.js';
import {bytes, empty, fill, h, table, time} from './dom.js';

export class MailView {
  constructor(app) {
    this.app = app;
    this.selected = null;
  }

  mount(el) {
    this.list = h('section', {class: 'panel'});
    this.detail = h('section', {class: 'panel detail', hidden: true});
    el.append(h('h1', {text: 'Mail'}), this.list, this.detail);
    this.key = null;
    this.shown = null;
  }

  /** args: [message id] to open, or none. */
  select(args) {
    this.selected = args[0] || null;
    this.key = null;
  }

  update(data) {
    const messages = data.messages.filter((m) => this.app.inScope(m));
    const key = JSON.stringify([messages.map((m) => m.id), this.selected]);
    if (key !== this.key) {
      this.key = key;
      this.renderList(messages);
    }
    // A sent message never changes: it is fetched once when it is opened.
    if (this.selected !== this.shown) {
      this.shown = this.selected;
      this.detail.hidden = !this.selected;
      if (this.selected) this.open(this.selected);
    }
  }

  renderList(messages) {
    if (!messages.length) {
      fill(this.list, empty('No mail sent yet. Anything sent through SES (v1 or v2) or to an SNS email '
        + 'subscription shows up here.'));
      return;
    }
    fill(this.list, table(['Sent', 'From', 'To', 'Subject', 'Account / region'], messages.map((m) => h('tr', {
      class: m.id === this.selected ? 'selected clickable' : 'clickable',
      dataset: {mailId: m.id},
      onclick: () => { location.hash = `#/mail/${encodeURIComponent(m.id)}`; },
    },
    h('td', {class: 'small', text: time(m.timestamp)}),
    h('td', {text: m.source}),
    h('td', {text: m.destinations.join(', ')}),
    h('td', {class: 'subject'}, h('a', {href: `#/mail/${encodeURIComponent(m.id)}`, text: m.subject || '(no subject)'})),
    h('td', {class: 'muted small', text: `${m.accountId} / ${m.region}`}))), {class: 'mail-list'}));
  }

  async open(id) {
    fill(this.detail, empty('Loading…'));
    try {
      const m = await getJson(`/_mailroom/api/mail/${encodeURIComponent(id)}`);
      if (this.shown === id) fill(this.detail, this.message(m));
    } catch (e) {
      if (this.shown === id) fill(this.detail, empty(`Cannot open ${id}: ${e.message}`));
    }
  }

  message(m) {
    const panels = {};
    const tabs = h('div', {class: 'tabs', role: 'tablist'});
    const show = (name) => {
      for (const [tab, panel] of Object.entries(panels)) panel.hidden = tab !== name;
      for (const button of tabs.children) button.classList.toggle('active', button.dataset.tab === name);
    };
    if (m.html !== null) {
      // sandbox="" leaves every restriction on: no script, no forms, no top navigation, opaque origin.
      panels.html = h('iframe', {class: 'mail-html', sandbox: '', referrerpolicy: 'no-referrer',
        title: 'HTML body', srcdoc: m.html});
    }
    if (m.text !== null) panels.text = h('pre', {class: 'mail-text', text: m.text});
    panels.headers = table(['Header', 'Value'], m.headers.map((x) => h('tr', {},
      h('td', {class: 'mono', text: x.name}), h('td', {class: 'mono small', text: x.value}))), {class: 'headers'});
    const labels = {html: 'HTML', text: 'Text', headers: 'Headers'};
    for (const name of Object.keys(panels)) {
      tabs.append(h('button', {type: 'button', dataset: {tab: name}, onclick: () => show(name)}, labels[name]));
    }
    const view = h('div', {},
      h('div', {class: 'detail-head'},
        h('h2', {class: 'mail-subject', text: m.subject || '(no subject)'}),
        h('a', {class: 'button', href: m.rawUrl, download: `${m.id}.eml`}, 'Download .eml')),
      h('dl', {class: 'meta'},
        h('dt', {text: 'From'}), h('dd', {text: m.source}),
        h('dt', {text: 'To'}), h('dd', {text: m.destinations.join(', ')}),
        h('dt', {text: 'Sent'}), h('dd', {text: `${new Date(m.timestamp).toLocaleString()} · ${m.accountId} / ${m.region}`}),
        h('dt', {text: 'Message ID'}), h('dd', {class: 'mono small', text: m.id}),
        m.template ? [h('dt', {text: 'Template'}), h('dd', {text: m.template})] : null,
        m.configurationSet ? [h('dt', {text: 'Configuration set'}), h('dd', {text: m.configurationSet})] : null),
      m.attachments.length ? h('ul', {class: 'attachments'}, m.attachments.map((a) => h('li', {},
        h('a', {href: `/_mailroom/api/mail/${encodeURIComponent(m.id)}/attachments/${a.index}`,
          download: a.fileName || `attachment-${a.index}`, text: a.fileName || `attachment ${a.index + 1}`}),
        h('span', {class: 'muted small', text: ` ${a.contentType}, ${bytes(a.size)}`})))) : null,
      tabs,
      Object.values(panels));
    show(Object.keys(panels)[0]);
    return view;
  }
}

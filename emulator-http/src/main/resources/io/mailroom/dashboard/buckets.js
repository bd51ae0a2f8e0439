// Buckets: object count and size per bucket; for the chosen bucket its notification configuration and its
// objects by key (prefix filter), each downloadable. Reads happen in process: no S3 event, nothing changes.
import {getJson} from './api.js';
import {badge, bytes, empty, fill, h, table} from './dom.js';

const key = (b) => `${b.accountId}/${b.region}/${b.name}`;
const path = (b) => [b.accountId, b.region, b.name].map(encodeURIComponent).join('/');
const link = (b) => `#/buckets/${path(b)}`;

export class BucketsView {
  constructor(app) {
    this.app = app;
    this.selected = null;
    this.prefix = '';
  }

  mount(el) {
    this.list = h('section', {class: 'panel'});
    this.detail = h('section', {class: 'panel detail', hidden: true});
    el.append(h('h1', {text: 'Buckets'}), this.list, this.detail);
    this.listKey = null;
    this.detailFor = null;
  }

  /** args: [account, region, bucket] of the bucket to open, or none. */
  select(args) {
    this.selected = args.length === 3 ? args.join('/') : null;
    this.listKey = null;
  }

  update(data) {
    const buckets = data.buckets.filter((b) => this.app.inScope(b));
    const listKey = JSON.stringify([buckets, this.selected]);
    if (listKey !== this.listKey) {
      this.listKey = listKey;
      this.renderList(buckets);
    }
    const bucket = data.buckets.find((b) => key(b) === this.selected);
    if (!bucket) {
      this.detail.hidden = !this.selected;
      this.detailFor = null;
      if (this.selected) fill(this.detail, empty(`Bucket ${this.selected} does not exist (any more).`));
      return;
    }
    this.detail.hidden = false;
    if (this.detailFor !== key(bucket)) {
      this.detailFor = key(bucket);
      this.prefix = '';
      this.objectsKey = null;
      this.notificationsKey = null;
      this.mountDetail(bucket);
    }
    fill(this.counts, badge(`${bucket.objects} objects`, 'visible'), ' ', badge(bytes(bucket.size)));
    const notificationsKey = JSON.stringify(bucket.notifications);
    if (notificationsKey !== this.notificationsKey) {
      this.notificationsKey = notificationsKey;
      this.renderNotifications(bucket.notifications);
    }
    this.loadObjects(bucket);
  }

  renderList(buckets) {
    if (!buckets.length) {
      fill(this.list, empty('No buckets yet. Create one with any S3 client, e.g. '
        + 'aws --endpoint-url http://localhost:4566 s3 mb s3://uploads'));
      return;
    }
    const rows = buckets.map((b) => h('tr', {
      class: key(b) === this.selected ? 'selected clickable' : 'clickable',
      dataset: {bucket: b.name},
      onclick: () => { location.hash = link(b); },
    },
    h('td', {class: 'name'}, h('a', {href: link(b), text: b.name})),
    h('td', {class: 'mono muted', text: b.accountId}),
    h('td', {class: 'muted', text: b.region}),
    h('td', {class: 'num objects', text: b.objects}),
    h('td', {class: 'num size', text: bytes(b.size)}),
    h('td', {}, b.notifications.length
      ? b.notifications.map((n) => [badge(`${n.destination}: ${n.arn.split(':').pop()}`), ' '])
      : h('span', {class: 'muted', text: 'none'}))));
    fill(this.list, table(['Name', 'Account', 'Region', 'Objects', 'Size', 'Notifications'], rows, {class: 'buckets'}));
  }

  mountDetail(bucket) {
    this.counts = h('span', {class: 'counts'});
    this.notifications = h('div', {class: 'notifications'});
    this.objects = h('div', {class: 'objects'});
    const prefix = h('input', {id: 'prefix-filter', type: 'search', placeholder: 'Key prefix, e.g. incoming/',
      oninput: () => {
        this.prefix = prefix.value;
        this.objectsKey = null;
        this.loadObjects(bucket);
      }});
    fill(this.detail,
      h('div', {class: 'detail-head'}, h('h2', {text: bucket.name}), this.counts),
      h('p', {class: 'mono muted small', text: `${bucket.arn} · ${bucket.accountId} / ${bucket.region}`}),
      h('h3', {text: 'Event notifications'}),
      this.notifications,
      h('h3', {}, 'Objects ', h('span', {class: 'muted small', text: '(read in place: no S3 event, nothing changes)'})),
      h('div', {class: 'filter'}, h('label', {}, 'Prefix ', prefix)),
      this.objects);
  }

  renderNotifications(rules) {
    if (!rules.length) {
      fill(this.notifications, empty('None: the bucket sends no event notifications.'));
      return;
    }
    fill(this.notifications, table(['Id', 'Destination', 'Events', 'Key filter'], rules.map((n) => h('tr', {class: 'notification'},
      h('td', {class: 'mono small', text: n.id}),
      h('td', {}, badge(n.destination), ' ', h('span', {class: 'mono small', text: n.arn})),
      h('td', {}, n.events.map((e) => [badge(e), ' '])),
      h('td', {class: 'mono small', text: filterText(n)}))), {class: 'notification-list'}));
  }

  async loadObjects(bucket) {
    if (this.loading) return;
    this.loading = true;
    const prefix = this.prefix;
    try {
      const answer = await getJson(`/_mailroom/api/buckets/${path(bucket)}/objects?prefix=${encodeURIComponent(prefix)}`);
      if (this.detailFor !== key(bucket) || prefix !== this.prefix) return;
      const objectsKey = JSON.stringify(answer);
      if (objectsKey === this.objectsKey) return;
      this.objectsKey = objectsKey;
      this.renderObjects(answer);
    } catch (e) {
      fill(this.objects, empty(`Cannot list objects: ${e.message}`));
    } finally {
      this.loading = false;
    }
  }

  renderObjects(answer) {
    if (!answer.objects.length) {
      fill(this.objects, empty(answer.prefix ? `No object key starts with ${answer.prefix}.` : 'The bucket is empty.'));
      return;
    }
    const rows = answer.objects.map((o) => h('tr', {class: 'object', dataset: {key: o.key}},
      h('td', {class: 'mono key'}, h('a', {href: o.downloadUrl, download: o.key.split('/').pop() || 'object',
        title: 'Download', text: o.key})),
      h('td', {class: 'num', text: bytes(o.size)}),
      h('td', {class: 'small', text: o.contentType}),
      h('td', {class: 'mono small', text: o.etag}),
      h('td', {class: 'small', text: new Date(o.lastModified).toLocaleString()})));
    fill(this.objects,
      table(['Key', 'Size', 'Content type', 'ETag', 'Last modified'], rows, {class: 'object-list'}),
      answer.truncated ? h('p', {class: 'muted small', text: `First ${answer.objects.length} of ${answer.total} keys.`}) : null);
  }
}

function filterText(n) {
  const parts = [];
  if (n.prefix) parts.push(`prefix ${n.prefix}`);
  if (n.suffix) parts.push(`suffix ${n.suffix}`);
  return parts.length ? parts.join(', ') : 'every key';
}

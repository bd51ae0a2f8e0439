// The server: the dashboard's read-only JSON views, and the real SQS operations for send and purge.

export async function getJson(path, headers = {}) {
  const response = await fetch(path, {headers: {Accept: 'application/json', ...headers}, cache: 'no-store'});
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.message || `${response.status} ${response.statusText}`);
  return body;
}

/**
 * Calls an SQS operation over the JSON protocol, as the SDKs do. Mailroom does not check signatures but
 * reads account (a 12-digit access key) and region from the credential scope, so the call acts in the
 * queue's own account and region and every AWS rule applies.
 */
export async function sqs(action, queue, input) {
  const date = new Date().toISOString().slice(0, 10).replaceAll('-', '');
  const response = await fetch('/', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.0',
      'X-Amz-Target': `AmazonSQS.${action}`,
      Authorization: `AWS4-HMAC-SHA256 Credential=${queue.accountId}/${date}/${queue.region}/sqs/aws4_request, `
        + 'SignedHeaders=host, Signature=dashboard',
    },
    body: JSON.stringify({QueueUrl: queue.url, ...input}),
  });
  return jsonProtocolAnswer(response);
}

/**
 * The queue's messages without receiving them (LocalStack's developer endpoint): no state changes.
 * Asked as an SDK asks, a ReceiveMessage in the JSON protocol, so the answer has ReceiveMessage's shape.
 */
export async function peek(queue) {
  const path = `/_aws/sqs/messages/${enc(queue.region)}/${enc(queue.accountId)}/${enc(queue.name)}`;
  const response = await fetch(`${path}?ShowInvisible=true&ShowDelayed=true`, {
    method: 'POST',
    cache: 'no-store',
    headers: {'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': 'AmazonSQS.ReceiveMessage'},
    body: '{}',
  });
  return jsonProtocolAnswer(response);
}

async function jsonProtocolAnswer(response) {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const type = (body.__type || '').split('#').pop();
    throw new Error(`${type || response.status}: ${body.message || body.Message || response.statusText}`);
  }
  return body;
}

const enc = encodeURIComponent;

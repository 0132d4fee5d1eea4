import { describe, expect, it } from 'vitest';
import { event, harness, interrupt, page } from '../../test/harness.js';
import { events } from './events.js';
import { formatMoney } from '../output.js';
import type { Resource } from './resource.js';

const deleted = { body: { data: { id: event.id, deleted: true } } };

describe('resource commands', () => {
  describe('list', () => {
    it('prints an aligned table with formatted times when not asked for JSON', async () => {
      const cli = await harness({ routes: { 'GET /v1/events': () => page([event]) } });
      const { code, stdout } = await cli.run('events', 'list');
      expect(code).toBe(0);
      expect(stdout.split('\n')).toEqual([
        'ID                                    TITLE        STARTS                CITY    CATEGORY',
        `${event.id}  Summer Fest  2026-07-01 18:00 UTC  Austin  music`,
        '',
      ]);
    });

    it('prints the items exactly as the API returns them with --json', async () => {
      const cli = await harness({ routes: { 'GET /v1/events': () => page([event]) } });
      const { code, stdout } = await cli.run('events', 'list', '--json');
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toEqual([event]);
    });

    it('follows next_cursor until --limit items are fetched, and says more exist', async () => {
      const second = { ...event, id: 'e2', title: 'Winter Fest' };
      const third = { ...event, id: 'e3', title: 'Spring Fest' };
      const cli = await harness({
        routes: {
          'GET /v1/events': ({ query }) =>
            query.starting_after === 'c1' ? page([third], 'c2') : page([event, second], 'c1'),
        },
      });
      const { stdout, stderr } = await cli.run('events', 'list', '--limit', '3', '--json');
      expect((JSON.parse(stdout) as { id: string }[]).map((item) => item.id)).toEqual([event.id, 'e2', 'e3']);
      expect(cli.requests.map((request) => request.query)).toEqual([
        { limit: '3' },
        { limit: '3', starting_after: 'c1' },
      ]);
      expect(stderr).toBe('');

      const table = await cli.run('events', 'list', '--limit', '2');
      expect(table.stderr).toContain('Showing the first 2; pass --limit to see more.');
    });

    it('sends filters as query parameters, times normalized to UTC', async () => {
      const cli = await harness({ routes: { 'GET /v1/sponsors': () => page([]) } });
      await cli.run('sponsors', 'list', '--visibility', 'public', '--industry', 'beverages');
      const events = await harness({ routes: { 'GET /v1/events': () => page([]) } });
      await events.run('events', 'list', '--starts-after', '2026-07-01T12:00:00+02:00');
      expect(cli.requests[0]?.query).toEqual({ visibility: 'public', industry: 'beverages', limit: '20' });
      expect(events.requests[0]?.query).toEqual({ starts_after: '2026-07-01T10:00:00.000Z', limit: '20' });
    });

    it('says so on stderr and prints nothing on stdout when there are no items', async () => {
      const cli = await harness({ routes: { 'GET /v1/members': () => page([]) } });
      const { code, stdout, stderr } = await cli.run('members', 'list');
      expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: '', stderr: 'No members found.\n' });
    });

    it('formats money as an amount and currency in tables and detail views', async () => {
      const profile = {
        sponsor_id: event.id,
        industry: 'beverages',
        categories: ['music', 'food'],
        budget_min_cents: 150000,
        budget_max_cents: 2500000,
        currency: 'USD',
        target_audience: {},
        regions: [],
        objectives: null,
        activation_preferences: { avoid_tags: ['gambling'] },
        updated_at: '2026-06-01T11:57:00Z',
      };
      const cli = await harness({
        routes: { 'GET /v1/sponsors/s1/profile': () => ({ body: { data: profile } }) },
      });
      const { stdout } = await cli.run('sponsors', 'profile', 'get', 's1');
      expect(stdout).toContain('Budget min              $1,500.00\n');
      expect(stdout).toContain('Budget max              $25,000.00\n');
      expect(stdout).toContain('Categories              music, food');
      expect(stdout).toContain('Activation preferences  avoid_tags: gambling');
      expect(stdout).toContain('Updated at              2026-06-01 11:57 UTC (3 minutes ago)');
    });

    it('rejects a --limit that is not a positive whole number with exit code 2', async () => {
      const cli = await harness({});
      const { code, stderr } = await cli.run('events', 'list', '--limit', 'lots');
      expect(code).toBe(2);
      expect(stderr).toContain('--limit must be a positive whole number; got "lots".');
    });
  });

  describe('create and update', () => {
    it('sends each flag as its body property, converted to its JSON type', async () => {
      const cli = await harness({
        routes: { 'POST /v1/events': () => ({ status: 201, body: { data: event } }) },
      });
      const { code, stdout, stderr } = await cli.run(
        'events',
        'create',
        '--title',
        'Summer Fest',
        '--starts-at',
        '2026-07-01T18:00:00Z',
        '--ends-at',
        '2026-07-01T23:00:00Z',
        '--target-audience',
        '{"age_range":"18-34"}',
        '--brand-safety-tags',
        'family,outdoor',
        '--brand-safety-tags',
        'music',
      );
      expect(code).toBe(0);
      expect(cli.requests[0]?.body).toEqual({
        title: 'Summer Fest',
        starts_at: '2026-07-01T18:00:00.000Z',
        ends_at: '2026-07-01T23:00:00.000Z',
        target_audience: { age_range: '18-34' },
        brand_safety_tags: ['family', 'outdoor', 'music'],
      });
      expect(stdout).toContain('Summer Fest\nId ');
      expect(stderr).toBe(`✓ Created event "Summer Fest" (${event.id})\n`);
    });

    it('merges --data from standard input with the flags, the flags winning', async () => {
      const cli = await harness({
        routes: { 'PATCH /v1/events/e1': () => ({ body: { data: event } }) },
        stdin: '{"city": "Dallas", "venue": "Fair Park"}',
      });
      const { code } = await cli.run(
        'events',
        'update',
        'e1',
        '--data',
        '-',
        '--city',
        'Austin',
        '--description',
        '',
      );
      expect(code).toBe(0);
      expect(cli.requests[0]?.body).toEqual({ city: 'Austin', venue: 'Fair Park', description: null });
    });

    it('fails at once with exit code 2 naming each missing required flag when it cannot prompt', async () => {
      const cli = await harness({});
      const { code, stderr } = await cli.run('events', 'create', '--title', 'Summer Fest');
      expect(code).toBe(2);
      expect(stderr).toBe('error Missing --starts-at, --ends-at (or put them in --data).\n');
      expect(cli.requests).toEqual([]);
    });

    it('refuses a currency outside ISO 4217 before any request, and sends a lowercase one in capitals', async () => {
      const cli = await harness({
        routes: { 'POST /v1/package-templates': ({ body }) => ({ status: 201, body: { data: body } }) },
      });
      const flags = ['--title', 'Gold', '--tier', 'gold', '--price-cents', '150000'];
      const bad = await cli.run('package-templates', 'create', ...flags, '--currency', 'XYZ');
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain(
        '--currency must be an ISO 4217 currency code, e.g. USD or EUR; got "XYZ"',
      );
      expect(cli.requests).toEqual([]);
      const good = await cli.run('package-templates', 'create', ...flags, '--currency', 'usd');
      expect(good.code).toBe(0);
      expect(cli.requests[0]?.body).toMatchObject({ currency: 'USD' });
    });

    it('prompts for missing required values on a terminal, choosing from lists where there are choices', async () => {
      const member = { id: 'm1', email: 'ana@example.com', role: 'member', status: 'active', user_id: null };
      const cli = await harness({
        tty: true,
        answers: ['ana@example.com  member', 'viewer'],
        routes: {
          'GET /v1/members': () => page([member]),
          'PATCH /v1/members/m1': () => ({ body: { data: { ...member, role: 'viewer' } } }),
        },
      });
      const { code, stderr } = await cli.run('members', 'update');
      expect(code, stderr).toBe(0);
      expect(cli.asked).toEqual(['Which member?', 'Their new role:']);
      expect(cli.requests.at(-1)?.body).toEqual({ role: 'viewer' });
      expect(stderr).toContain('✓ Updated member "ana@example.com" (m1)');
    });

    it('chooses a referenced item from its own group when a ref field is missing', async () => {
      // How the next groups declare references, e.g. a sponsorship package belongs to an event.
      const packages: Resource = {
        name: 'packages',
        noun: 'package',
        summary: 'Sponsorship packages',
        label: ['title'],
        commands: [
          {
            kind: 'item',
            path: 'create',
            operationId: 'createPackage',
            summary: 'Create a package',
            examples: ['yardpass packages create --event-id <id> --title Gold'],
            fields: [
              { name: 'event_id', description: 'The event it sponsors', required: true, ref: 'events' },
              { name: 'title', description: 'Title', required: true },
            ],
            call: (client, { body }) =>
              client.request({ method: 'POST', path: '/v1/sponsorship-packages', body }),
          },
        ],
      };
      const cli = await harness({
        tty: true,
        resources: [events, packages],
        answers: ['Summer Fest  2026-07-01 18:00 UTC'],
        routes: {
          'GET /v1/events': () => page([event]),
          'POST /v1/sponsorship-packages': ({ body }) => ({ status: 201, body: { data: body } }),
        },
      });
      const { code } = await cli.run('packages', 'create', '--title', 'Gold');
      expect(code).toBe(0);
      expect(cli.asked).toEqual(['The event it sponsors:']);
      expect(cli.requests.at(-1)?.body).toEqual({ title: 'Gold', event_id: event.id });
    });

    it('does not prompt on a terminal when --no-input is given, or when CI is set', async () => {
      const cases: { args: string[]; env: Record<string, string> }[] = [
        { args: ['--no-input'], env: {} },
        { args: [], env: { CI: 'true' } },
      ];
      for (const options of cases) {
        const cli = await harness({ tty: true, env: options.env });
        const { code, stderr } = await cli.run('sponsors', 'create', ...options.args);
        expect(code).toBe(2);
        expect(stderr).toContain('Missing --name');
        expect(cli.asked).toEqual([]);
      }
    });

    it('refuses an update that changes nothing', async () => {
      const cli = await harness({});
      const { code, stderr } = await cli.run('sponsors', 'update', 's1');
      expect(code).toBe(2);
      expect(stderr).toContain('Nothing to change: pass at least one of --name, --logo-url');
    });

    it.each([
      [['--budget-min-cents', '15.5'], '--budget-min-cents must be a whole number of minor units'],
      [['--target-audience', '[1]'], '--target-audience must be a JSON object'],
      [['--data', '{not json'], '--data: the value is not valid JSON'],
      [['--data', '@/nonexistent/profile.json'], '--data: cannot read /nonexistent/profile.json'],
    ])('explains a malformed value (%j) with exit code 2', async (args, message) => {
      const cli = await harness({});
      const { code, stderr } = await cli.run('sponsors', 'profile', 'set', 's1', ...args);
      expect(code).toBe(2);
      expect(stderr).toContain(message);
      expect(cli.requests).toEqual([]);
    });

    it('shows a new API key with its secret and says to copy it now', async () => {
      const key = {
        id: 'k1',
        name: 'CI',
        prefix: 'yp_test_ab',
        mode: 'test',
        role: 'member',
        created_at: '2026-06-01T12:00:00Z',
        last_used_at: null,
        revoked_at: null,
        secret: 'yp_test_abcdef',
      };
      const cli = await harness({
        routes: { 'POST /v1/api-keys': () => ({ status: 201, body: { data: key } }) },
      });
      const { stdout, stderr } = await cli.run('keys', 'create', '--name', 'CI', '--role', 'member');
      expect(stdout).toContain('Secret        yp_test_abcdef');
      expect(stderr).toContain('Copy the secret now: it is never shown again.');
    });
  });

  describe('delete and other destructive commands', () => {
    it('refuses without --yes when there is no terminal, and sends nothing', async () => {
      const cli = await harness({});
      const { code, stderr } = await cli.run('events', 'delete', event.id);
      expect(code).toBe(2);
      expect(stderr).toContain(`Refusing to delete event ${event.id} without confirmation: pass --yes`);
      expect(cli.requests).toEqual([]);
    });

    it('deletes with --yes, printing nothing on stdout but the JSON when asked', async () => {
      const cli = await harness({ routes: { [`DELETE /v1/events/${event.id}`]: () => deleted } });
      const quiet = await cli.run('events', 'delete', event.id, '--yes');
      expect(quiet).toEqual({ code: 0, stdout: '', stderr: `✓ Deleted event ${event.id}\n` });
      const json = await cli.run('events', 'delete', event.id, '--yes', '--json');
      expect(JSON.parse(json.stdout)).toEqual({ id: event.id, deleted: true });
    });

    it('asks on a terminal, showing what will be deleted, and deletes nothing when declined', async () => {
      const cli = await harness({
        tty: true,
        answers: [false],
        routes: { 'GET /v1/events/e1': () => ({ body: { data: event } }) },
      });
      const { code, stderr } = await cli.run('events', 'delete', 'e1');
      expect(cli.asked).toEqual([`Delete event "Summer Fest" (${event.id})? This cannot be undone.`]);
      expect(code).toBe(2);
      expect(stderr).toContain('Cancelled: nothing was changed.');
      expect(cli.requests.map((request) => request.method)).toEqual(['GET']);
    });

    it('revokes a key chosen from the list once confirmed', async () => {
      const key = { id: 'k1', name: 'CI', prefix: 'yp_test_ab' };
      const cli = await harness({
        tty: true,
        answers: ['CI  yp_test_ab', true],
        routes: {
          'GET /v1/api-keys': () => page([key]),
          'POST /v1/api-keys/k1:revoke': () => ({
            body: { data: { ...key, revoked_at: '2026-06-01T12:00:00Z' } },
          }),
        },
      });
      const { code, stderr } = await cli.run('keys', 'revoke');
      expect(code).toBe(0);
      expect(cli.asked).toEqual([
        'Which API key?',
        'Revoke API key "CI" (k1)? Anything using it stops working at once.',
      ]);
      expect(stderr).toContain('✓ Revoked API key "CI" (k1)');
    });

    it('lets a money-moving action say what will happen, from the item and the body', async () => {
      const order = { id: 'o1', title: 'Gold at Summer Fest', amount_cents: 150000, currency: 'EUR' };
      const orders: Resource = {
        name: 'orders',
        noun: 'order',
        summary: 'Orders',
        label: ['title'],
        retrieve: async (client, id) =>
          (await client.request<{ data: unknown }>({ method: 'GET', path: `/v1/orders/${id}` })).data,
        commands: [
          {
            kind: 'item',
            path: 'fund',
            operationId: 'fundOrder',
            summary: 'Fund an order',
            examples: ['yardpass orders fund o1 --payment-method-id pm_card_visa --yes'],
            id: true,
            fields: [{ name: 'payment_method_id', description: 'Payment method', required: true }],
            confirm: (what, { item, body }) =>
              `Fund ${what}: charge ${formatMoney(Number(item?.amount_cents), String(item?.currency))} to ${String(body.payment_method_id)}?`,
            done: 'Funded',
            call: (client, { id, body }) =>
              client.request({ method: 'POST', path: `/v1/orders/${id}:fund`, body }),
          },
        ],
      };
      const routes = {
        'GET /v1/orders/o1': () => ({ body: { data: order } }),
        'POST /v1/orders/o1:fund': () => ({ body: { data: { ...order, escrow_state: 'funded' } } }),
      };
      const asked = await harness({ tty: true, answers: [true], resources: [orders], routes });
      const funded = await asked.run('orders', 'fund', 'o1', '--payment-method-id', 'pm_card_visa');
      expect(funded.code, funded.stderr).toBe(0);
      expect(asked.asked).toEqual([
        'Fund order "Gold at Summer Fest" (o1): charge €1,500.00 EUR to pm_card_visa?',
      ]);
      expect(funded.stderr).toContain('✓ Funded order "Gold at Summer Fest" (o1)');

      const refused = await harness({ resources: [orders], routes });
      const without = await refused.run('orders', 'fund', 'o1', '--payment-method-id', 'pm_card_visa');
      expect(without.code).toBe(2);
      expect(without.stderr).toContain('Refusing to fund order o1 without confirmation: pass --yes');
      expect(refused.requests).toEqual([]);
    });

    it('exits quietly with 130 when a prompt is interrupted', async () => {
      const cli = await harness({ tty: true, answers: [interrupt] });
      const { code, stdout, stderr } = await cli.run('sponsors', 'create');
      expect({ code, stdout, stderr }).toEqual({ code: 130, stdout: '', stderr: '' });
    });
  });

  it('names the item acted on, not what the action answered, in the success line', async () => {
    const threads: Resource = {
      name: 'threads',
      noun: 'thread',
      summary: 'Threads',
      label: ['id'],
      commands: [
        {
          kind: 'item',
          path: 'message',
          operationId: 'createProposalMessage',
          summary: 'Add a message',
          examples: ['yardpass threads message t1 --body Hi'],
          id: true,
          fields: [{ name: 'body', description: 'The message' }],
          done: 'Sent a message on',
          call: (client, { id, body }) =>
            client.request({ method: 'POST', path: `/v1/threads/${id}/messages`, body }),
        },
      ],
    };
    const cli = await harness({
      resources: [threads],
      routes: { 'POST /v1/threads/t1/messages': () => ({ status: 201, body: { id: 'm1', body: 'Hi' } }) },
    });
    const { code, stderr } = await cli.run('threads', 'message', 't1', '--body', 'Hi');
    expect(code).toBe(0);
    expect(stderr).toBe('✓ Sent a message on thread t1\n');
  });

  it('answers to show as well as get, and get as well as show', async () => {
    const cli = await harness({
      routes: { [`GET /v1/events/${event.id}`]: () => ({ body: { data: event } }) },
    });
    const shown = await cli.run('events', 'show', event.id, '--json');
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout)).toEqual(event);
  });

  describe('custom commands', () => {
    const reports: Resource = {
      name: 'reports',
      noun: 'report',
      summary: 'Reports',
      label: ['id'],
      commands: [
        {
          kind: 'item',
          path: 'csv',
          operationId: 'listEvents', // any: only the shape of the declaration is under test
          summary: 'A CSV report',
          examples: ['yardpass reports csv'],
          call: (client) => client.request({ method: 'GET', path: '/v1/report.csv' }),
        },
        {
          kind: 'custom',
          path: 'settle',
          operationId: 'getEvent',
          alsoPerforms: ['updateEvent'],
          summary: 'Settle an event',
          examples: ['yardpass reports settle --event <id> --yes'],
          confirm: true,
          configure: (command) => command.option('--event <id>', 'The event'),
          async run({ client, options, json, io, confirm, chooseId }) {
            const id = await chooseId({
              resource: 'events',
              given: options.event as string | undefined,
              name: '--event',
            });
            const found = await client.events.retrieve(id);
            await confirm(`Settle ${found.title}?`);
            const updated = await client.events.update(id, { category: 'settled' });
            if (json) io.json(updated);
            else io.success(`Settled ${updated.title}`);
          },
        },
      ],
    };
    const routes = {
      'GET /v1/events': () => page([event]),
      [`GET /v1/events/${event.id}`]: () => ({ body: { data: event } }),
      [`PATCH /v1/events/${event.id}`]: ({ body }: { body: unknown }) => ({
        body: { data: { ...event, ...(body as object) } },
      }),
    };

    it('prints an answer that is not JSON as it came', async () => {
      const cli = await harness({
        resources: [reports],
        routes: {
          'GET /v1/report.csv': () => ({
            body: 'day,impressions\n2026-07-01,12\n',
            headers: { 'content-type': 'text/csv' },
          }),
        },
      });
      const { code, stdout } = await cli.run('reports', 'csv');
      expect(code).toBe(0);
      expect(stdout).toBe('day,impressions\n2026-07-01,12\n');
    });

    it('chooses, confirms and prints the JSON on a terminal', async () => {
      const cli = await harness({
        tty: true,
        resources: [events, reports],
        answers: ['Summer Fest  2026-07-01 18:00 UTC', true],
        routes,
      });
      const { code, stdout } = await cli.run('reports', 'settle', '--json');
      expect(code).toBe(0);
      expect(cli.asked).toEqual(['Which event?', 'Settle Summer Fest?']);
      expect(JSON.parse(stdout)).toMatchObject({ id: event.id, category: 'settled' });
    });

    it('fails at once without a terminal, naming the missing flag or --yes', async () => {
      const missing = await harness({ resources: [events, reports], routes });
      const noEvent = await missing.run('reports', 'settle');
      expect(noEvent.code).toBe(2);
      expect(noEvent.stderr).toContain('Missing --event');
      const noYes = await missing.run('reports', 'settle', '--event', event.id);
      expect(noYes.code).toBe(2);
      expect(noYes.stderr).toContain('Refusing to reports settle without confirmation: pass --yes');
      expect(missing.requests.map((request) => request.method)).toEqual(['GET']);
      const yes = await missing.run('reports', 'settle', '--event', event.id, '--yes');
      expect(yes.code).toBe(0);
      expect(yes.stderr).toContain('✓ Settled Summer Fest');
    });
  });
});

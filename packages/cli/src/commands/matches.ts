import type { components } from '@yardpass/sdk';
import { usageError } from '../errors.js';
import type { JsonObject } from '../json.js';
import { formatMoney, table, type Io } from '../output.js';
import type { CustomRun, Resource } from './resource.js';
import { idOption } from './id-option.js';

type Match = components['schemas']['Match'];
type MatchDetail = components['schemas']['MatchDetail'];

const matchId = '7b1e2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
const STATUSES = ['pending', 'suggested', 'accepted', 'dismissed'] as const;

/** The components that lifted the score, in a few words: "2/3 packages in budget · 25-34 0.71 · city". */
export function why(match: Match): string {
  const c = match.components;
  const d = match.details as {
    packages?: number;
    packages_in_budget?: number;
    age_segments?: string[];
    geo?: string | null;
  };
  const parts: string[] = [];
  if (c.budget_fit > 0) parts.push(`${d.packages_in_budget}/${d.packages} packages in budget`);
  if (c.audience_overlap > 0)
    parts.push(`audience ${(d.age_segments ?? []).join(',')} ${c.audience_overlap.toFixed(2)}`);
  if (d.geo) parts.push(`same ${d.geo}`);
  if (c.engagement_quality > 0) parts.push(`engagement ${c.engagement_quality.toFixed(2)}`);
  if (c.objectives_similarity > 0) parts.push(`objectives ${c.objectives_similarity.toFixed(2)}`);
  return parts.join(' · ') || 'nothing in common yet';
}

function row(match: Match, rank: number): JsonObject {
  const pkg = match.best_package;
  return {
    rank,
    id: match.id,
    score: match.score.toFixed(2),
    name: match.your_side === 'organizer' ? match.sponsor.name : match.event.title,
    status: match.status,
    best_package: pkg ? `${pkg.title} (${formatMoney(pkg.price_cents, pkg.currency)})` : null,
    why: why(match),
  };
}

function scoreOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const score = Number(value);
  if (!/^\d*\.?\d+$/.test(value) || score > 1)
    throw usageError(`--min-score must be a number from 0 to 1, e.g. 0.6; got "${value}".`);
  return score;
}

async function list(run: CustomRun) {
  const { client, options, json, io } = run;
  const sponsor = options.sponsorId as string | undefined;
  if (options.eventId && sponsor) throw usageError('Pass --event-id <id> or --sponsor-id <id>, not both.');
  // Without either, the organizer's view of an event chosen on a terminal.
  const event = sponsor
    ? undefined
    : await run.chooseId({
        resource: 'events',
        given: options.eventId as string | undefined,
        name: '--event-id <id>',
      });
  const query = {
    status: options.status as (typeof STATUSES)[number] | undefined,
    min_score: scoreOption(options.minScore as string | undefined),
    category: options.category as string | undefined,
    city: options.city as string | undefined,
    limit: options.limit === undefined ? 20 : Number(options.limit),
  };
  const page = event
    ? await client.matches.listForEvent(event, query)
    : await client.matches.listForSponsor(sponsor!, query);
  if (json) return io.json(page.data);
  if (page.data.length === 0) {
    io.note(
      'No matches yet: they appear within seconds of a change to an event, a sponsor profile or a package.',
    );
    return;
  }
  io.print(
    table({
      items: page.data.map((match, index) => row(match, index + 1)),
      columns: ['rank', 'score', 'name', 'status', 'best_package', 'why', 'id'],
      io,
    }),
  );
  if (page.has_more) io.note('More matches: raise --limit, or use --json with the API for the next page.');
}

/** A match as a person reads it: who, the score, each component's sentence, then one's own feedback. */
export function renderMatch(match: MatchDetail, io: Io): string {
  const { bold, dim } = io.out;
  const lines = [
    bold(`${match.sponsor.name} × ${match.event.title}`),
    `Score    ${match.score.toFixed(2)}   Status ${match.status}   You are the ${match.your_side}`,
  ];
  if (match.best_package)
    lines.push(
      `Package  ${match.best_package.title} (${formatMoney(match.best_package.price_cents, match.best_package.currency)})`,
    );
  lines.push('', ...match.explanation.map((line) => `  ${line}`));
  if (match.feedback.length > 0) {
    lines.push('', dim('Your feedback'));
    for (const feedback of match.feedback)
      lines.push(
        `  ${feedback.action}${feedback.reason ? ` (${feedback.reason})` : ''}${feedback.note ? `: ${feedback.note}` : ''}`,
      );
  }
  return lines.join('\n');
}

async function show(run: CustomRun) {
  const { client, args, json, io } = run;
  if (!args[0])
    throw usageError('Missing <id>: `yardpass matches show <id>` (ids are in `yardpass matches list`).');
  const match = await client.matches.retrieve(args[0]);
  if (json) io.json(match);
  else io.print(renderMatch(match, io));
}

export const matches: Resource = {
  name: 'matches',
  noun: 'match',
  summary: 'Which sponsors fit which events, why, and your feedback',
  label: ['id'],
  retrieve: (client, id) => client.matches.retrieve(id),
  commands: [
    {
      kind: 'custom',
      path: 'list',
      operationId: 'listEventMatches',
      alsoPerforms: ['listSponsorMatches'],
      summary: 'Ranked matches, explained: sponsors for your event, or events for your sponsor',
      examples: [
        'yardpass matches list --event-id <event-id>',
        'yardpass matches list --sponsor-id <sponsor-id> --category music --min-score 0.6',
      ],
      configure: (command) =>
        idOption(
          idOption(command, 'event', 'Sponsors that fit this event of yours'),
          'sponsor',
          'Events that fit this sponsor of yours',
        )
          .option(
            '--status <status>',
            `Only this status (${STATUSES.join(', ')}); dismissed ones only this way`,
          )
          .option('--min-score <score>', 'Only scores at least this (0 to 1)')
          .option('--category <category>', "The other side's category")
          .option('--city <city>', "The event's city, or one of the sponsor's regions")
          .option('--limit <n>', 'How many (default 20, at most 100)'),
      run: list,
    },
    {
      kind: 'custom',
      path: 'show',
      operationId: 'getMatch',
      summary: 'A match: its score, each component in a sentence, your feedback',
      examples: [`yardpass matches show ${matchId}`],
      configure: (command) => command.argument('[id]', 'The match'),
      run: show,
    },
    {
      kind: 'item',
      path: 'recompute',
      operationId: 'recomputeMatches',
      summary: 'Re-score an event, a sponsor or one pair now (changes re-score by themselves)',
      examples: ['yardpass matches recompute --sponsor-id <sponsor-id> --reason profile_update'],
      fields: [
        { name: 'event_id', description: 'The event (against every sponsor)', ref: 'events' },
        { name: 'sponsor_id', description: 'The sponsor (against every live event)', ref: 'sponsors' },
        { name: 'reason', description: 'Why, e.g. profile_update' },
      ],
      done: 'Queued',
      call: (client, { body }) => client.matches.recompute(body),
    },
    {
      kind: 'item',
      path: 'feedback',
      operationId: 'createMatchFeedback',
      summary: 'Accept or dismiss a match for your side (the other side never sees it)',
      examples: [`yardpass matches feedback ${matchId} --action dismiss --reason off_brand`],
      id: true,
      fields: [
        {
          name: 'action',
          description: 'accept, dismiss or not_relevant',
          choices: ['accept', 'dismiss', 'not_relevant'],
          required: true,
        },
        { name: 'reason', description: 'A short reason, e.g. off_brand' },
        { name: 'note', description: 'A note for your team' },
      ],
      done: 'Recorded feedback on',
      call: (client, { id, body }) => client.matches.feedback(id, body),
    },
    {
      kind: 'item',
      path: 'propose',
      operationId: 'proposeFromMatch',
      summary: 'Accept a match and open a draft proposal on its best package',
      examples: [`yardpass matches propose ${matchId} --initial-message '{"body":"Shall we talk?"}'`],
      id: true,
      fields: [
        {
          name: 'initial_message',
          description: 'First message as JSON: {"body","offer":{"price_cents",…}}',
          type: 'json',
        },
      ],
      done: 'Opened a proposal from',
      call: (client, { id, body }) => client.matches.propose(id, body),
    },
    {
      kind: 'item',
      path: 'settings',
      operationId: 'getMatchingSettings',
      summary: "Your organization's weights and suggestion threshold",
      examples: ['yardpass matches settings'],
      call: (client) => client.matches.retrieveSettings(),
    },
    {
      kind: 'item',
      path: 'settings set',
      operationId: 'putMatchingSettings',
      summary: 'Set the weights (adding up to 1) and the threshold; your live events are re-scored',
      examples: [
        'yardpass matches settings set --threshold 0.8',
        `yardpass matches settings set --weights '{"budget_fit":0.3,"audience_overlap":0.3,"geo_overlap":0.2,"engagement_quality":0.1,"objectives_similarity":0.1}'`,
      ],
      partial: true,
      fields: [
        { name: 'weights', description: 'One weight per component, as JSON', type: 'json' },
        { name: 'threshold', description: 'Score from which a match is suggested (0 to 1)', type: 'number' },
      ],
      done: 'Saved',
      call: (client, { body }) => client.matches.updateSettings(body),
    },
  ],
};

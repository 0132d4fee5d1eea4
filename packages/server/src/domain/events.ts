import { deleteEvent, type EventInput, findEvent, insertEvent, listEvents, updateEvent } from '../db/events';
import { readOne, readPage } from '../db/reads';
import type { Db } from '../db/pool';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../db/audit';
import { deleteResource } from './deletion';
import type { Caller } from '../caller';

function checkDates(starts: string, ends: string): void {
  if (Date.parse(ends) < Date.parse(starts)) {
    throw new ValidationError('The event ends before it starts.', [
      { path: '/ends_at', message: 'Must not be before `starts_at`.' },
    ]);
  }
}

export function createEvent(db: Db, caller: Caller, input: EventInput) {
  checkDates(input.starts_at, input.ends_at);
  return db.tenant(caller.orgId, async (tx) => {
    const event = await insertEvent(tx, caller.orgId, input);
    await recordAudit(tx, caller, { action: 'event.create', resourceType: 'event', resourceId: event.id });
    return event;
  });
}

export function getEvent(db: Db, caller: Caller, id: string) {
  return readOne(db, caller.orgId, 'event', (tx) => findEvent(tx, id));
}

export function listEventsPage(
  db: Db,
  caller: Caller,
  query: {
    category?: string;
    city?: string;
    starts_after?: string;
    starts_before?: string;
    owner?: 'me';
    limit?: number;
    starting_after?: string;
  },
) {
  return readPage(
    db,
    caller.orgId,
    query,
    (tx, page) =>
      listEvents(tx, {
        category: query.category,
        city: query.city,
        startsAfter: query.starts_after,
        startsBefore: query.starts_before,
        ownerOrgId: query.owner === 'me' ? caller.orgId : undefined,
        ...page,
      }),
    (row) => row.starts_at,
  );
}

export function updateEventById(db: Db, caller: Caller, id: string, changes: Partial<EventInput>) {
  return db.tenant(caller.orgId, async (tx) => {
    const current = await findEvent(tx, id);
    // Marketplace events of other organizations are visible, but only the owner may change one.
    if (current?.owner_org_id !== caller.orgId) throw new NotFoundError('event');
    checkDates(changes.starts_at ?? current.starts_at, changes.ends_at ?? current.ends_at);
    const event = (await updateEvent(tx, id, changes))!;
    await recordAudit(tx, caller, { action: 'event.update', resourceType: 'event', resourceId: id });
    return event;
  });
}

export function deleteEventById(db: Db, caller: Caller, id: string) {
  return deleteResource(db, caller, {
    type: 'event',
    id,
    remove: (tx) => deleteEvent(tx, id),
    inUse: 'The event has packages, proposals or orders; archive those first.',
  });
}

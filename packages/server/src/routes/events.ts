import type { Db } from '../db/pool';
import { createEvent, deleteEventById, getEvent, listEventsPage, updateEventById } from '../domain/events';
import { created, type Handlers, ok, page } from '../http/router';

export const eventRoutes = ({ db }: { db: Db }) =>
  ({
    createEvent: async ({ caller, body }) => created(await createEvent(db, caller, body)),
    listEvents: async ({ caller, query }) => page(await listEventsPage(db, caller, query)),
    getEvent: async ({ caller, params }) => ok(await getEvent(db, caller, params.id)),
    updateEvent: async ({ caller, params, body }) => ok(await updateEventById(db, caller, params.id, body)),
    deleteEvent: async ({ caller, params }) => ok(await deleteEventById(db, caller, params.id)),
  }) satisfies Partial<Handlers>;

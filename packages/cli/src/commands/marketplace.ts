import type { Resource } from './resource.js';

export const marketplace: Resource = {
  name: 'marketplace',
  noun: 'package',
  summary: 'Browse published public packages of every organizer',
  label: ['title', 'event_title'],
  commands: [
    {
      kind: 'list',
      path: 'search',
      operationId: 'searchMarketplace',
      summary: 'Search packages on sale, by price',
      examples: [
        'yardpass marketplace search --q "music festival" --city Austin',
        'yardpass marketplace search --category Technology --max-price-cents 500000 --json',
      ],
      filters: [
        { name: 'q', description: 'Text to find in package and event titles (typos tolerated)' },
        { name: 'category', description: "The event's category" },
        { name: 'city', description: "The event's city" },
        { name: 'from', description: 'Events starting at or after this time', type: 'time' },
        { name: 'to', description: 'Events starting at or before this time', type: 'time' },
        { name: 'tier', description: 'Only this tier' },
        { name: 'min_price_cents', description: 'Cheapest price', type: 'integer' },
        { name: 'max_price_cents', description: 'Dearest price', type: 'integer' },
        {
          name: 'sponsor_id',
          description: "Browse as this sponsor of yours: hides events its profile's avoid_tags rule out",
          ref: 'sponsors',
        },
      ],
      columns: ['id', 'title', 'event_title', 'price_cents', 'reach', 'sold', 'inventory', 'quality_score'],
      call: (client, query) => client.marketplace.search(query),
    },
  ],
};

// Indexes behind the common `where` filters that had none: order status and channel, ticket category.
CREATE INDEX order_status IF NOT EXISTS FOR (o:Order) ON (o.status);
CREATE INDEX order_channel IF NOT EXISTS FOR (o:Order) ON (o.channel);
CREATE INDEX ticket_category IF NOT EXISTS FOR (t:Ticket) ON (t.category);

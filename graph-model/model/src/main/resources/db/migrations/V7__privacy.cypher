// Keys the service makes once and every instance shares (the cursor seal's key when none is configured).
CREATE CONSTRAINT service_key_name IF NOT EXISTS FOR (k:ServiceKey) REQUIRE k.name IS UNIQUE;
// Tombstones of erased people: keyed hashes of their identifiers (e-mail, phone, source keys), nothing readable.
// Imports, createCustomer and merges refuse to bring a tombstoned identity back.
CREATE CONSTRAINT erased_identity_hash IF NOT EXISTS FOR (e:ErasedIdentity) REQUIRE e.hash IS UNIQUE;

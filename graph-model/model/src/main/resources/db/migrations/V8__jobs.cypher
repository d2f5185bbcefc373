// Long jobs a client starts and follows by id (asynchronous analytics refreshes and classifier trainings).
CREATE CONSTRAINT job_id IF NOT EXISTS FOR (j:Job) REQUIRE j.id IS UNIQUE;

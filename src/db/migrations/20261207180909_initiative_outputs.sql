-- An initiative's expected outputs (issue 13), in order, as the plan definition gives them; the
-- bundled NQ57 seed fills them at the next start (its file changed, so it is imported again).
ALTER TABLE "initiatives" ADD COLUMN "outputs" jsonb DEFAULT '[]'::jsonb NOT NULL;

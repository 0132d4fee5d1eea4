-- Up Migration

-- Authentication runs before the organization is known, so it must look across tenants. This function
-- does exactly that one lookup in a single round trip (no transaction around it): it opens the system
-- wall for its own statements only and closes it again before returning.
create function yardpass_api_key_candidates(key_prefix text)
  returns table (id uuid, org_id uuid, role text, mode text, prefix text, key_hash bytea,
                 revoked_at timestamptz, last_used_at timestamptz)
  language plpgsql volatile as $$
begin
  perform set_config('yardpass.system', 'on', true);
  return query
    select k.id, k.org_id, k.role, k.mode, k.prefix, k.key_hash, k.revoked_at, k.last_used_at
      from api_keys k where k.prefix = key_prefix;
  perform set_config('yardpass.system', '', true);
end $$;

-- Down Migration

drop function if exists yardpass_api_key_candidates;

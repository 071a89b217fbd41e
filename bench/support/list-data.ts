import { sql } from 'drizzle-orm';
import type { Db } from '@/db';

/** The partner holding a fifth of all clients; ids are made in SQL, digits only, so they sort like real ones. */
export const bigPartnerId = 'ptn_00000000000000000000000000';

const firstNames = ['Aarav', 'Vivaan', 'Aditya', 'Vihaan', 'Arjun', 'Sai', 'Reyansh', 'Ayaan', 'Krishna', 'Ishaan', 'Ananya', 'Diya', 'Saanvi', 'Aadhya', 'Pari', 'Myra', 'Anika', 'Navya', 'Kiara', 'Riya', 'Rohan', 'Kabir', 'Meera', 'Tara', 'Dev', 'Nisha', 'Farhan', 'Zoya', 'Imran', 'Sara', 'Rahul', 'Priya', 'Karan', 'Neha', 'Vikram', 'Pooja', 'Amit', 'Sneha', 'Rajesh', 'Kavya'];
const lastNames = ['Sharma', 'Verma', 'Gupta', 'Iyer', 'Nair', 'Reddy', 'Rao', 'Patel', 'Shah', 'Mehta', 'Joshi', 'Kulkarni', 'Desai', 'Bose', 'Sen', 'Das', 'Ghosh', 'Mukherjee', 'Banerjee', 'Chatterjee', 'Singh', 'Kaur', 'Gill', 'Sandhu', 'Khan', 'Ahmed', 'Qureshi', 'Menon', 'Pillai', 'Kurup', 'Naidu', 'Chowdhury', 'Mishra', 'Pandey', 'Tiwari', 'Dubey', 'Saxena', 'Agarwal', 'Jain', 'Bansal', 'Goel', 'Malhotra', 'Kapoor', 'Khanna', 'Chopra', 'Arora', 'Bhatia', 'Sethi', 'Suri', 'Walia'];

const textArray = (values: string[]) => `array[${values.map((v) => `'${v}'`).join(',')}]`;

/**
 * Fills an empty, migrated database in a few set-based statements (generate_series, no row-by-row inserts):
 * 801 partners and 1,000,000 clients over the last ~12 days, every fifth client the big partner's; and for the
 * big partner ~100,000 registrations, nearly all completed into one of its clients, 1 % still open.
 */
export async function generateListData(db: Db, total = 1_000_000) {
  const run = (statement: string) => db.execute(sql.raw(statement));
  await run(`set maintenance_work_mem = '256MB'`);
  await run(`
    insert into partners (id, slug, name, created_at, updated_at)
    select 'ptn_' || lpad(n::text, 26, '0'), 'bench-' || n, 'Bench partner ' || n, now() - interval '400 days', now()
    from generate_series(0, 800) n`);
  await run(`
    insert into clients (id, partner_id, name, email, status, created_at, updated_at)
    select
      'cli_' || lpad(n::text, 26, '0'),
      case when n % 5 = 0 then '${bigPartnerId}' else 'ptn_' || lpad((1 + n % 800)::text, 26, '0') end,
      f.name || ' ' || l.name,
      lower(f.name || '.' || l.name || '.' || n) || '@example.com',
      (case when n % 1000 = 5 then 'pending' when n % 20 = 3 then 'inactive' else 'active' end)::client_status,
      now() - (${total} - n) * interval '1 second',
      now()
    from generate_series(1, ${total}) n,
      lateral (select (${textArray(firstNames)})[1 + (n::bigint * 7919) % ${firstNames.length}] as name) f,
      lateral (select (${textArray(lastNames)})[1 + (n / ${firstNames.length}) % ${lastNames.length}] as name) l`);
  // Every other client of the big partner came through onboarding (not the pending ones, n % 1000 = 5); one
  // registration in a hundred is still open, at its OTP step.
  const open = 'n % 1000 = 15';
  const closed = `(${open} or n % 97 = 0)`;
  await run(`
    insert into registrations (id, partner_id, status, source, name, email, mobile, country_code, password_hash,
      email_verified_at, mobile_verified_at, pan_status, aadhaar_status, gst_status, kyc_submitted_at, accepted_at,
      client_id, expires_at, created_at, updated_at)
    select
      'reg_' || lpad(n::text, 26, '0'), '${bigPartnerId}',
      (case when ${open} then 'pending' when n % 97 = 0 then 'expired' else 'completed' end)::registration_status,
      'api', c.name, c.email, '+91' || lpad(n::text, 10, '0'), 'IN', 'x',
      case when ${open} then null else c.created_at end,
      case when ${open} then null else c.created_at end,
      (case when ${open} then 'unverified' else 'verified' end)::verification_status,
      (case when ${open} then 'unverified' else 'verified' end)::aadhaar_status,
      (case when ${open} then 'unverified' else 'verified' end)::gst_status,
      case when ${closed} then null else c.created_at end,
      case when ${closed} then null else c.created_at end,
      case when ${closed} then null else c.id end,
      c.created_at + interval '30 days', c.created_at, now()
    from generate_series(5, ${total}, 10) n
    join clients c on c.id = 'cli_' || lpad(n::text, 26, '0')
    where n % 1000 <> 5`);
  // A handful of open registrations at the GST stage: verified OTPs, PAN and Aadhaar, not yet submitted.
  await run(`
    update registrations set email_verified_at = now(), mobile_verified_at = now(), pan_status = 'verified', aadhaar_status = 'verified'
    where status = 'pending' and id in (select id from registrations where status = 'pending' order by id limit 20)`);
  await run('vacuum analyze partners');
  await run('vacuum analyze clients');
  await run('vacuum analyze registrations');
  const [row] = await db.execute<{ clients: number; big: number; registrations: number }>(
    sql.raw(`select (select count(*)::int from clients) as clients, (select count(*)::int from clients where partner_id = '${bigPartnerId}') as big, (select count(*)::int from registrations) as registrations`),
  );
  return { clients: row!.clients, bigPartnerClients: row!.big, registrations: row!.registrations };
}

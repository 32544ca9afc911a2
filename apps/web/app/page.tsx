import { connection } from 'next/server';
import { NotesApp } from './notes-app';

/** Read per request, so one build serves any deployment: set API_ORIGIN where the page runs. */
async function apiOrigin(): Promise<string> {
  await connection();
  // `||`: an empty API_ORIGIN= (as .env files write "use the default") must not mean "this origin".
  return process.env.API_ORIGIN || 'http://localhost:8000';
}

export default async function Home() {
  const api = await apiOrigin();
  return (
    <>
      <h1>Notes</h1>
      <p className="lede">
        This page runs on one origin and calls the API on <code>{api}</code>, another origin. It
        works because the API&rsquo;s CORS policy names this page&rsquo;s origin exactly and allows
        credentials, so the session cookie travels with every call.
      </p>
      <NotesApp apiOrigin={api} />
    </>
  );
}

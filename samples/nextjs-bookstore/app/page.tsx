import SignIn from './components/sign-in';
import { SignOut } from './components/sign-out';
import { auth } from '@/auth';

// The session lives in a cookie: render per request, never at build time.
export const dynamic = 'force-dynamic';

export default async function Home() {
  const session = await auth();
  const user = session?.user;

  return (
    <main>
      <header>
        <h1>Bookstore</h1>
        <p className="tagline">Auth.js v5 · Next.js App Router · signed in through Connectors</p>
      </header>
      {user ? (
        <section className="card" aria-label="Signed-in user">
          {user.image ? <img className="avatar" src={user.image} alt={`Picture of ${user.name ?? 'you'}`} width={72} height={72} /> : null}
          <div>
            <p className="hello">Welcome back, <strong data-testid="user-name">{user.name}</strong></p>
            <p className="email" data-testid="user-email">{user.email}</p>
          </div>
          <SignOut />
        </section>
      ) : (
        <section className="card" aria-label="Signed out">
          <p>Sign in to see your reading list.</p>
          <SignIn />
        </section>
      )}
    </main>
  );
}

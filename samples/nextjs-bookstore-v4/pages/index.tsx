import type { GetServerSideProps } from 'next';
import Head from 'next/head';
import { getServerSession, type Session } from 'next-auth';
import { signIn, signOut, useSession } from 'next-auth/react';
import { authOptions } from './api/auth/[...nextauth]';

export const getServerSideProps: GetServerSideProps<{ session: Session | null }> = async ({ req, res }) => ({
  props: { session: await getServerSession(req, res, authOptions) },
});

export default function Home() {
  const { data: session } = useSession();
  const user = session?.user;

  return (
    <main>
      <Head>
        <title>Bookstore (NextAuth v4)</title>
      </Head>
      <header>
        <h1>Bookstore</h1>
        <p className="tagline">NextAuth v4 · Next.js pages router · signed in through Connectors</p>
      </header>
      {user ? (
        <section className="card" aria-label="Signed-in user">
          {user.image ? <img className="avatar" src={user.image} alt={`Picture of ${user.name ?? 'you'}`} width={72} height={72} /> : null}
          <div>
            <p className="hello">Welcome back, <strong data-testid="user-name">{user.name}</strong></p>
            <p className="email" data-testid="user-email">{user.email}</p>
          </div>
          <button type="button" onClick={() => signOut()}>Sign Out</button>
        </section>
      ) : (
        <section className="card" aria-label="Signed out">
          <p>Sign in to see your reading list.</p>
          <button type="button" onClick={() => signIn('logto')}>Sign In</button>
        </section>
      )}
    </main>
  );
}

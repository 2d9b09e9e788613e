import type { AppProps } from 'next/app';
import type { Session } from 'next-auth';
import { SessionProvider } from 'next-auth/react';
import '../styles/globals.css';

// The session read on the server (getServerSideProps) arrives in pageProps; SessionProvider must get it,
// or the page renders signed out although /api/auth/session has the user.
export default function App({ Component, pageProps: { session, ...pageProps } }: AppProps<{ session: Session | null }>) {
  return (
    <SessionProvider session={session}>
      <Component {...pageProps} />
    </SessionProvider>
  );
}

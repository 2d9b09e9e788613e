import NextAuth, { type NextAuthOptions } from 'next-auth';

// The provider block is Logto's NextAuth v4 guide as written; only the URL, id and secret come from the
// environment (see README.md). Exported so pages can read the session on the server.
export const authOptions: NextAuthOptions = {
  providers: [
    {
      id: 'logto',
      name: 'Logto',
      type: 'oauth',
      // You can get the well-known URL from the Logto Application Details page,
      // in the field "OpenID Provider configuration endpoint"
      wellKnown: `${process.env.AUTH_LOGTO_ISSUER}/.well-known/openid-configuration`,
      authorization: { params: { scope: 'openid offline_access profile email' } },
      clientId: process.env.AUTH_LOGTO_ID,
      clientSecret: process.env.AUTH_LOGTO_SECRET,
      client: {
        id_token_signed_response_alg: 'ES384',
      },
      profile(profile) {
        // You can customize the user profile mapping here
        return {
          id: profile.sub,
          name: profile.name ?? profile.username,
          email: profile.email,
          image: profile.picture,
        };
      },
    },
  ],
};

export default NextAuth(authOptions);

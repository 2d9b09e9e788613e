// Token endpoint of the sign-in benchmark's provider: the code (the user's login_hint) becomes the access
// token, so userinfo can name a distinct user per sign-in without any state in nginx.
function token(r) {
    var match = (r.requestText || '').match(/(?:^|&)code=([^&]*)/);
    var code = match ? decodeURIComponent(match[1]) : 'unknown';
    r.headersOut['Content-Type'] = 'application/json';
    r.return(200, JSON.stringify({ access_token: code, token_type: 'Bearer', expires_in: 3600 }));
}

export default { token };

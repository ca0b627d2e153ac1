import Hummingbird

/// The page shell: head, navigation, the signed-in user and the sign-out form.
enum Layout {
    static func page(title: String, identity: Identity?, body: HTML) -> HTML {
        let nav: HTML
        if let identity {
            nav = """
                <nav><a class="brand" href="/">graywatch</a><a href="/">Queue</a><a href="/audit">Audit log</a>\
                \(identity.user.role == .admin ? HTML("<a href=\"/admin/users\">Users</a>") : "")\
                <span class="who">\(identity.user.name) (\(identity.user.role.rawValue))</span>\
                <form method="post" action="/logout" class="inline">\(csrfField(identity))<button type="submit">Sign out</button></form></nav>
                """
        } else {
            nav = "<nav><a class=\"brand\" href=\"/\">graywatch</a></nav>"
        }
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · graywatch</title><link rel="stylesheet" href="/static/app.css"></head>
            <body>\(nav)<main>\(body)</main></body></html>
            """
    }

    /// The hidden CSRF field every state-changing form carries.
    static func csrfField(_ identity: Identity?) -> HTML {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(identity?.csrfToken ?? "")\">"
    }
}

extension HTML {
    /// A `text/html; charset=utf-8` response.
    func response(status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: rendered)))
    }
}

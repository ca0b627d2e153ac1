/// The review UI's only stylesheet, served at /static/app.css (the CSP allows no inline style).
enum Stylesheet {
    static let css = """
        :root { --ink: #1d2330; --muted: #5b6478; --line: #d9dde6; --bg: #f6f7fa; --accent: #0b5cad; --warn: #a4262c; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: var(--bg); }
        nav { display: flex; gap: 16px; align-items: center; padding: 8px 20px; background: #16202e; color: #fff; }
        nav a { color: #dfe7f3; text-decoration: none; } nav a.brand { font-weight: 700; color: #fff; margin-right: 12px; }
        nav .who { margin-left: auto; color: #b7c3d6; } nav button { background: none; border: 1px solid #56657d; color: #dfe7f3; }
        main { padding: 16px 20px; max-width: 1500px; margin: 0 auto; }
        h1 { font-size: 20px; margin: 4px 0 12px; } h2 { font-size: 16px; margin: 20px 0 8px; }
        table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--line); }
        th, td { padding: 6px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        th { background: #eef1f6; font-weight: 600; white-space: nowrap; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.title { min-width: 280px; max-width: 520px; overflow-wrap: anywhere; }
        a { color: var(--accent); }
        .tabs { display: flex; flex-wrap: wrap; gap: 6px; margin: 8px 0; }
        .tabs a { padding: 3px 10px; border: 1px solid var(--line); border-radius: 12px; background: #fff; text-decoration: none; }
        .tabs a.on { background: var(--accent); color: #fff; border-color: var(--accent); }
        .count { color: var(--muted); margin-left: 4px; } .tabs a.on .count { color: #dce9f7; }
        form.filters { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; background: #fff; padding: 10px; border: 1px solid var(--line); }
        form.filters label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); }
        input, select, textarea, button { font: inherit; padding: 4px 6px; border: 1px solid #b9c0cd; border-radius: 4px; background: #fff; }
        button { cursor: pointer; background: #eef1f6; } button.primary { background: var(--accent); color: #fff; border-color: var(--accent); }
        form.inline { display: inline; }
        .pager { display: flex; gap: 12px; margin: 10px 0; }
        .cat { display: inline-block; padding: 0 6px; margin: 1px; border-radius: 8px; background: #fbe9ea; color: var(--warn); font-size: 12px; }
        .status { display: inline-block; padding: 0 6px; border-radius: 8px; background: #e8eef8; font-size: 12px; }
        .score { font-weight: 700; }
        .panel { background: #fff; border: 1px solid var(--line); padding: 10px 12px; margin: 10px 0; }
        .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; } @media (max-width: 1000px) { .grid { grid-template-columns: 1fr; } }
        dl.fields { display: grid; grid-template-columns: 160px 1fr; gap: 4px 12px; margin: 0; } dt { color: var(--muted); } dd { margin: 0; overflow-wrap: anywhere; }
        mark { background: #ffe08a; padding: 0 1px; }
        .context { font-family: ui-monospace, monospace; font-size: 12px; white-space: pre-wrap; overflow-wrap: anywhere; }
        .hash { font-family: ui-monospace, monospace; font-size: 11px; overflow-wrap: anywhere; }
        .changed { background: #fff4d6; }
        .error { color: var(--warn); font-weight: 600; } .notice { color: #1b6b35; font-weight: 600; }
        iframe.capture { width: 100%; height: 520px; border: 1px solid var(--line); background: #fff; }
        .description { white-space: pre-wrap; max-height: 240px; overflow: auto; overflow-wrap: anywhere; }
        .actions form { margin: 6px 0; } .muted { color: var(--muted); }
        .login { max-width: 340px; margin: 60px auto; } .login label { display: block; margin: 8px 0; } .login input { width: 100%; }
        """
}

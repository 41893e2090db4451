/** The small page at `/`: what this is and where to go. */
export function renderLandingPage(): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>信访事项办理平台 · xinfang</title>
<style>
  body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; margin: 0; background: #f4f6f9; color: #1f2d3d; }
  main { max-width: 760px; margin: 8vh auto; padding: 0 24px; }
  h1 { font-size: 30px; margin-bottom: 4px; }
  p.lead { color: #475669; margin-top: 0; }
  .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 20px; margin-top: 32px; }
  a.card { display: block; padding: 28px; background: #fff; border-radius: 12px; text-decoration: none; color: inherit; box-shadow: 0 1px 4px rgba(0,0,0,.08); border: 2px solid transparent; }
  a.card:hover, a.card:focus { border-color: #1e5bb8; outline: none; }
  a.card strong { display: block; font-size: 22px; color: #1e5bb8; margin-bottom: 8px; }
  footer { margin-top: 40px; font-size: 14px; color: #5a6b7d; }
</style>
</head>
<body>
<main>
  <h1>信访事项办理平台</h1>
  <p class="lead">“三室一厅”信访工作平台 · A case platform for letters-and-visits work</p>
  <div class="cards">
    <a class="card" href="/console/"><strong>工作台</strong>工作人员登录，办理信访事项<br><small>Staff console</small></a>
    <a class="card" href="/kiosk/"><strong>自助服务</strong>提交诉求、查询进度、评价结果<br><small>Self-service kiosk</small></a>
  </div>
  <footer>服务状态 Health: <a href="/health">/health</a></footer>
</main>
</body>
</html>`;
}

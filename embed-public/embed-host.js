// For pages that embed widgets in iframes (dist/embed.html): resizes each iframe to its content.
//   <iframe src="…/embed.html?widget=signatory-list&src=…" title="Organisations that have signed"
//           style="width:100%;border:0" data-compact-widget></iframe>
//   <script src="…/embed-host.js" defer></script>
// Only iframes marked data-compact-widget are resized, and only by messages from their own window.
(function () {
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'compact-widgets:height' || typeof data.height !== 'number') return;
    var frames = document.querySelectorAll('iframe[data-compact-widget]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].height = String(Math.max(0, Math.min(data.height, 20000)));
      }
    }
  });
})();

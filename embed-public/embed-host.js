// For pages that embed widgets in iframes (dist/embed.html): resizes each iframe to its content.
//   <iframe src="…/embed.html?widget=signatory-list&src=…" title="Organisations that have signed"
//           style="width:100%;border:0" data-compact-widget></iframe>
//   <script src="…/embed-host.js" defer></script>
// Only iframes marked data-compact-widget are resized, only by messages from their own window AND
// from the origin of their own src (a page that got loaded into the frame is not trusted), and only
// to a whole number of pixels from 0 to 20000 (anything else is ignored).
(function () {
  var MAX_HEIGHT = 20000;
  function originOf(frame) {
    try {
      return new URL(frame.getAttribute('src') || '', document.baseURI).origin;
    } catch (error) {
      return null;
    }
  }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'compact-widgets:height') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height < 0 || height > MAX_HEIGHT) return;
    var frames = document.querySelectorAll('iframe[data-compact-widget]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source || originOf(frame) !== event.origin) continue;
      frame.height = String(Math.ceil(height));
    }
  });
})();

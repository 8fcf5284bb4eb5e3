import jq from 'jquery';

$.ajax({ url: '/widget' }).done((response) => {
  // ruleid: js-jquery-globaleval
  $.globalEval(response.script);
  // ruleid: js-jquery-globaleval
  jQuery.globalEval('init(' + response.id + ')');
  // ruleid: js-jquery-globaleval
  jq.globalEval(`window.config = ${response.config}`);
  // ok: js-jquery-globaleval
  $.globalEval('var ready = true;');
  // ok: js-jquery-globaleval
  actions[response.action](response.payload);
  // ok: js-jquery-globaleval
  other.globalEval(response.script);
});

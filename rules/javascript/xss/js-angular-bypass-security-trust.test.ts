import { Component, SecurityContext } from '@angular/core';
import { DomSanitizer, SafeHtml, SafeResourceUrl } from '@angular/platform-browser';
import DOMPurify from 'dompurify';

const MAP_EMBED = 'https://www.google.com/maps/embed?pb=abc';

@Component({ selector: 'app-post', template: '<div [innerHTML]="body"></div>' })
export class PostComponent {
  body: SafeHtml = '';
  frame!: SafeResourceUrl;

  constructor(private sanitizer: DomSanitizer) {}

  show(post: { html: string; videoUrl: string; css: string }) {
    // ruleid: js-angular-bypass-security-trust
    this.body = this.sanitizer.bypassSecurityTrustHtml(post.html);
    // ruleid: js-angular-bypass-security-trust
    this.frame = this.sanitizer.bypassSecurityTrustResourceUrl(`https://player.example.com/${post.videoUrl}`);
    // ruleid: js-angular-bypass-security-trust
    const style = this.sanitizer.bypassSecurityTrustStyle(post.css);
    // ok: js-angular-bypass-security-trust
    this.frame = this.sanitizer.bypassSecurityTrustResourceUrl(MAP_EMBED);
    // ok: js-angular-bypass-security-trust
    this.body = this.sanitizer.sanitize(SecurityContext.HTML, post.html) ?? '';
    // ok: js-angular-bypass-security-trust
    this.body = this.sanitizer.bypassSecurityTrustHtml(DOMPurify.sanitize(post.html));
  }
}

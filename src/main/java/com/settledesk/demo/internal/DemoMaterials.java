package com.settledesk.demo.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import com.settledesk.attachment.AttachmentKind;

/**
 * The pictures the demo's shop owner uploads with the card change in its history: drawn shapes, no real document,
 * crossed by a sample band (a reviewer's viewer shows them like any upload).
 */
final class DemoMaterials {

	private DemoMaterials() {
	}

	static byte[] png(AttachmentKind kind) {
		BufferedImage image = new BufferedImage(856, 540, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(new Color(0xEEF1F4));
			g.fillRect(0, 0, 856, 540);
			boolean card = kind == AttachmentKind.CARD_FRONT;
			g.setPaint(card ? new GradientPaint(0, 0, new Color(0xB71C1C), 856, 540, new Color(0x7F0000))
					: new GradientPaint(0, 0, new Color(0xE3F2FD), 856, 540, new Color(0xBBDEFB)));
			g.fillRoundRect(28, 28, 800, 484, 36, 36);
			g.setColor(card ? new Color(0xFFD54F) : new Color(0x90A4AE));
			g.setStroke(new BasicStroke(3));
			g.drawRoundRect(28, 28, 800, 484, 36, 36);
			// lines of "text" as bars: no fonts needed, so a machine without any still draws them
			g.setColor(card ? new Color(0xFFFFFF) : new Color(0x546E7A));
			for (int line = 0; line < 4; line++) {
				g.fillRoundRect(70, 90 + line * 52, line == 0 ? 420 : 300 - line * 30, 22, 10, 10);
			}
			g.fillRoundRect(70, 420, 560, 34, 12, 12);
			if (card) {
				g.setColor(new Color(0xFFD54F));
				g.fillRoundRect(600, 90, 110, 84, 14, 14);
			}
			else if (kind == AttachmentKind.ID_FRONT) {
				g.setColor(new Color(0x90A4AE));
				g.fillOval(625, 140, 110, 120);
				g.fillRoundRect(595, 260, 170, 130, 60, 60);
			}
			else {
				g.setColor(new Color(0xC62828));
				g.fillOval(80, 80, 130, 130);
			}
			// the sample mark: a diagonal band across the picture
			g.setColor(new Color(200, 0, 0, 90));
			g.rotate(-0.35, 428, 270);
			g.fillRect(-100, 235, 1056, 70);
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", png);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return png.toByteArray();
	}
}
